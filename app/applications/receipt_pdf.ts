import type { I18n } from '@adonisjs/i18n'
import { DateTime } from 'luxon'
import { formatCasablanca } from '#core/casablanca_time'
import { intlTagOf } from '#core/i18n/locales'
import { PDF_COLORS, PdfDocumentBuilder } from '#core/pdf/document_builder'

/** What the receipt states: the frozen facts of one submission. */
export interface ApplicationReceipt {
  reference: string
  programmeTitle: string
  callTitle: string
  applicantName: string
  applicantEmail: string
  organizationName: string | null
  submittedAt: DateTime
  formVersion: number
  /** sha256 (hex) of the submitted answers. */
  answersFingerprint: string
  documents: Array<{ label: string; originalName: string; sizeBytes: number }>
}

const sizeFormats = new Map<string, Intl.NumberFormat>()

/** "340 ko", "1,3 Mo": binary units, as the portal shows upload sizes. */
function formatFileSize(bytes: number, locale: string) {
  const megabytes = bytes / (1024 * 1024)
  const format = (value: number, unit: 'megabyte' | 'kilobyte') => {
    const key = `${locale}:${unit}`
    let formatter = sizeFormats.get(key)
    if (!formatter) {
      formatter = new Intl.NumberFormat(intlTagOf(locale), {
        style: 'unit',
        unit,
        maximumFractionDigits: 1,
      })
      sizeFormats.set(key, formatter)
    }
    return formatter.format(value)
  }
  return megabytes >= 1
    ? format(megabytes, 'megabyte')
    : format(Math.max(1, Math.round(bytes / 1024)), 'kilobyte')
}

/** A long hexadecimal digest in groups of eight, easier to read aloud and compare. */
function groupDigits(hex: string) {
  return hex.match(/.{1,8}/g)?.join(' ') ?? hex
}

/**
 * The PDF an applicant receives when an application is submitted (DESIGN §3), in the
 * applicant's language: it proves what was submitted and when, not that it is eligible.
 */
export async function renderApplicationReceipt(
  receipt: ApplicationReceipt,
  i18n: I18n
): Promise<Uint8Array> {
  const locale = i18n.locale
  const t = (key: string, data?: Record<string, string>) => i18n.t(`receipts.${key}`, data)
  const { reference } = receipt

  const pdf = new PdfDocumentBuilder({
    locale,
    title: t('document_title', { reference }),
    subject: receipt.callTitle,
    keywords: [reference],
  })

  pdf
    .text(t('kingdom'), { size: 9, color: PDF_COLORS.muted, spaceAfter: 2 })
    .text(t('portal'), { size: 12, weight: 'bold', spaceAfter: 8 })
    .rule({ color: PDF_COLORS.accent, thickness: 1.5, spaceAfter: 18 })
    .title(t('title'))
    .text(t('reference'), { size: 9, color: PDF_COLORS.muted, spaceAfter: 0 })
    .text(reference, { size: 22, weight: 'bold', color: PDF_COLORS.accent, spaceAfter: 14 })

  pdf.keyValues([
    { label: t('call'), value: receipt.callTitle },
    { label: t('programme'), value: receipt.programmeTitle },
    { label: t('applicant'), value: receipt.applicantName },
    { label: t('email'), value: receipt.applicantEmail },
    ...(receipt.organizationName
      ? [{ label: t('organization'), value: receipt.organizationName }]
      : []),
    { label: t('submitted_at'), value: formatCasablanca(receipt.submittedAt, locale) },
    { label: t('form_version'), value: String(receipt.formVersion) },
  ])

  pdf.heading(t('documents'))
  if (receipt.documents.length === 0) {
    pdf.text(t('no_documents'), { color: PDF_COLORS.muted, spaceAfter: 12 })
  } else {
    pdf.keyValues(
      receipt.documents.map((document) => ({
        label: document.label,
        value: t('document_value', {
          name: document.originalName,
          size: formatFileSize(document.sizeBytes, locale),
        }),
      }))
    )
  }

  pdf
    .heading(t('fingerprint'))
    .text(groupDigits(receipt.answersFingerprint), { size: 10, spaceAfter: 2 })
    .text(t('fingerprint_hint'), { size: 8, color: PDF_COLORS.muted, spaceAfter: 16 })
    .rule()
    .text(t('proof'), { size: 10 })
    .footer(t('footer', { reference, date: formatCasablanca(DateTime.now(), locale, 'date') }))

  return pdf.toBytes()
}
