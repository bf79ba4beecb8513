import type { Infer } from '@vinejs/vine/types'
import type { LocalizedText } from '#core/i18n/localized_text'
import type { programmeValidator } from '#programmes/validators/programme'

export type ProgrammeInput = Infer<typeof programmeValidator>

/** `{ fr, ar, zgh, en }` from the form's per-language inputs, leaving out the empty ones. */
export function localizedFrom(fr: string, others: { ar?: string; zgh?: string; en?: string }) {
  const text: LocalizedText = { fr }
  for (const locale of ['ar', 'zgh', 'en'] as const) {
    if (others[locale]) text[locale] = others[locale]
  }
  return text
}

/**
 * The programme's columns from the form: only the money terms of its own kind are
 * kept, so the database's kind/stage check and later readers never see stray values.
 */
export function programmeAttributes(input: ProgrammeInput) {
  const kind = input.kind
  return {
    code: input.code,
    kind,
    title: localizedFrom(input.titleFr, {
      ar: input.titleAr,
      zgh: input.titleZgh,
      en: input.titleEn,
    }),
    summary: localizedFrom(input.summaryFr, {
      ar: input.summaryAr,
      zgh: input.summaryZgh,
      en: input.summaryEn,
    }),
    stage: kind === 'startup_offer' ? (input.stage ?? null) : null,
    grantCeilingCentimes: kind === 'startup_offer' ? (input.grantCeilingMad ?? null) : null,
    monthlyStipendCentimes: kind === 'living_grant' ? (input.monthlyStipendMad ?? null) : null,
    stipendMonths: kind === 'living_grant' ? (input.stipendMonths ?? null) : null,
  }
}
