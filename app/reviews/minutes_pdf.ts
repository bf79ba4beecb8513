import type { I18n } from '@adonisjs/i18n'
import type { DateTime } from 'luxon'
import { formatCasablanca } from '#core/casablanca_time'
import { PDF_COLORS, PdfDocumentBuilder } from '#core/pdf/document_builder'

/** What the procès-verbal states, frozen when the chair signs. */
export interface SessionMinutes {
  callTitle: string
  heldAt: DateTime
  quorum: number
  attendance: Array<{ name: string; role: string; present: boolean }>
  items: Array<{
    reference: string
    reason: string
    consensusScore: number | null
    recommendation: string | null
    rationale: string | null
  }>
  chairName: string
  signedAt: DateTime
}

/** The minutes (procès-verbal) of a committee session, in the signer's language. */
export async function renderSessionMinutes(minutes: SessionMinutes, i18n: I18n) {
  const locale = i18n.locale
  const t = (key: string, data?: Record<string, unknown>) =>
    i18n.t(`committee_sessions.minutes.${key}`, data)
  const present = minutes.attendance.filter((member) => member.present).length
  const pdf = new PdfDocumentBuilder({ locale, title: t('title'), subject: minutes.callTitle })
  pdf
    .text(t('portal'), { size: 12, weight: 'bold', spaceAfter: 8 })
    .rule({ color: PDF_COLORS.accent, thickness: 1.5, spaceAfter: 18 })
    .title(t('title'))
    .keyValues([
      { label: t('call'), value: minutes.callTitle },
      { label: t('held_at'), value: formatCasablanca(minutes.heldAt, locale) },
      { label: t('quorum'), value: t('quorum_value', { present, quorum: minutes.quorum }) },
    ])
    .heading(t('attendance'))
    .keyValues(
      minutes.attendance.map((member) => ({
        label: member.name,
        value: t(member.present ? 'present' : 'absent', {
          role: i18n.t(`committee_sessions.roles.${member.role}`),
        }),
      }))
    )
    .heading(t('items'))
  if (minutes.items.length === 0) pdf.text(t('no_items'), { color: PDF_COLORS.muted })
  for (const item of minutes.items) {
    pdf.text(item.reference, { weight: 'bold', spaceAfter: 2 }).keyValues([
      { label: t('reason'), value: i18n.t(`committee_sessions.reasons.${item.reason}`) },
      {
        label: t('score'),
        value: item.consensusScore === null ? t('not_discussed') : item.consensusScore.toFixed(1),
      },
      {
        label: t('recommendation'),
        value: item.recommendation
          ? i18n.t(`committee_sessions.recommendations.${item.recommendation}`)
          : t('not_discussed'),
      },
      { label: t('rationale'), value: item.rationale ?? '—' },
    ])
  }
  pdf
    .rule()
    .text(
      t('signed', { name: minutes.chairName, date: formatCasablanca(minutes.signedAt, locale) }),
      { size: 10 }
    )
    .footer(t('footer', { call: minutes.callTitle }))
  return pdf.toBytes()
}
