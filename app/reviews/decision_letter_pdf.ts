import type { I18n } from '@adonisjs/i18n'
import { DateTime } from 'luxon'
import { formatCasablanca } from '#core/casablanca_time'
import { Money } from '#core/money'
import { PDF_COLORS, PdfDocumentBuilder } from '#core/pdf/document_builder'

export interface DecisionLetter {
  reference: string
  applicantName: string
  callTitle: string
  programmeTitle: string
  outcome: 'awarded' | 'waitlisted' | 'rejected'
  amountCentimes: number | null
  reservePosition: number | null
  /** Already in the reader's language. */
  conditions: string[]
  reasons: string[]
  decidedAt: DateTime
}

/** The decision letter (DESIGN §5), in the applicant's language. */
export async function renderDecisionLetter(letter: DecisionLetter, i18n: I18n) {
  const locale = i18n.locale
  const t = (key: string, data?: Record<string, unknown>) => i18n.t(`decisions.letter.${key}`, data)
  const data = {
    reference: letter.reference,
    call: letter.callTitle,
    amount:
      letter.amountCentimes === null ? '' : Money.ofCentimes(letter.amountCentimes).format(locale),
    position: String(letter.reservePosition ?? ''),
  }
  const pdf = new PdfDocumentBuilder({
    locale,
    title: t('title', data),
    subject: letter.callTitle,
    keywords: [letter.reference],
  })
  pdf
    .text(t('kingdom'), { size: 9, color: PDF_COLORS.muted, spaceAfter: 2 })
    .text(t('portal'), { size: 12, weight: 'bold', spaceAfter: 8 })
    .rule({ color: PDF_COLORS.accent, thickness: 1.5, spaceAfter: 18 })
    .title(t('title', data))
    .keyValues([
      { label: t('applicant'), value: letter.applicantName },
      { label: t('reference'), value: letter.reference },
      { label: t('programme'), value: letter.programmeTitle },
      { label: t('call'), value: letter.callTitle },
      { label: t('date'), value: formatCasablanca(letter.decidedAt, locale, 'date') },
    ])
    .text(t(`body.${letter.outcome}`, data), { spaceAfter: 12 })
  const list = letter.outcome === 'awarded' ? letter.conditions : letter.reasons
  if (list.length > 0) {
    pdf.heading(t(letter.outcome === 'awarded' ? 'conditions' : 'reasons'))
    for (const line of list) pdf.text(`• ${line}`, { spaceAfter: 4 })
  }
  pdf
    .space(12)
    .rule()
    .text(t('closing'), { size: 10 })
    .footer(
      t('footer', {
        reference: letter.reference,
        date: formatCasablanca(DateTime.now(), locale, 'date'),
      })
    )
  return pdf.toBytes()
}
