import type { I18n } from '@adonisjs/i18n'
import type { DateTime } from 'luxon'
import env from '#start/env'
import { formatCasablanca } from '#core/casablanca_time'
import { PDF_COLORS, PdfDocumentBuilder } from '#core/pdf/document_builder'
import { groupCode } from '#training/certificate_codes'

/** What a certificate states, frozen at issue (name) or taken from the cohort. */
export interface CertificateFacts {
  code: string
  traineeName: string
  courseTitle: string
  instituteName: string
  startsOn: DateTime
  endsOn: DateTime
  hours: number
  issuedAt: DateTime
}

/** The public address where anyone can check a certificate. */
export function verificationUrl(code: string) {
  return new URL(`/verify/${groupCode(code)}`, env.get('APP_URL')).href
}

/**
 * The certificate of completion (DESIGN §7) in the trainee's language (`i18n` is set to
 * the certificate's frozen locale), with its verification code and address.
 */
export async function renderCertificate(facts: CertificateFacts, i18n: I18n) {
  const locale = i18n.locale
  const t = (key: string, data?: Record<string, string | number>) =>
    i18n.t(`certificates.pdf.${key}`, data)
  const code = groupCode(facts.code)

  const pdf = new PdfDocumentBuilder({
    locale,
    title: t('document_title', { name: facts.traineeName }),
    subject: facts.courseTitle,
    keywords: [code],
  })
  pdf
    .text(t('kingdom'), { size: 9, color: PDF_COLORS.muted, spaceAfter: 2 })
    .text(facts.instituteName, { size: 12, weight: 'bold', spaceAfter: 8 })
    .rule({ color: PDF_COLORS.accent, thickness: 1.5, spaceAfter: 28 })
    .title(t('title'))
    .text(t('certifies'), { size: 11, color: PDF_COLORS.muted, spaceAfter: 6 })
    .text(facts.traineeName, { size: 24, weight: 'bold', color: PDF_COLORS.accent, spaceAfter: 10 })
    .text(t('completed'), { size: 11, spaceAfter: 6 })
    .text(facts.courseTitle, { size: 16, weight: 'bold', spaceAfter: 20 })
  pdf.keyValues([
    { label: t('institute'), value: facts.instituteName },
    {
      label: t('dates'),
      value: t('date_range', {
        from: formatCasablanca(facts.startsOn, locale, 'date'),
        to: formatCasablanca(facts.endsOn, locale, 'date'),
      }),
    },
    { label: t('hours'), value: t('hours_value', { hours: facts.hours }) },
    { label: t('issued_at'), value: formatCasablanca(facts.issuedAt, locale, 'date') },
    { label: t('code'), value: code },
  ])
  pdf
    .text(t('verify', { url: verificationUrl(facts.code) }), { size: 9, color: PDF_COLORS.muted })
    .footer(t('footer'))
  return pdf.toBytes()
}
