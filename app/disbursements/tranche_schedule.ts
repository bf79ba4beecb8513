import { DateTime } from 'luxon'
import type { LocalizedText } from '#core/i18n/localized_text'

export type AgreementKind = 'living_grant' | 'startup_offer' | 'vc_call'

export interface PlannedTranche {
  sequence: number
  amountCentimes: number
  /** ISO date (yyyy-MM-dd), in Casablanca. */
  dueOn: string | null
  milestone: LocalizedText
}

export interface ScheduleInput {
  kind: AgreementKind
  totalCentimes: number
  /** living_grant: the programme's stipend. */
  stipendMonths?: number | null
  monthlyStipendCentimes?: number | null
  /** The first payment's date (the planned start date, or the first of next month). */
  startOn: DateTime
}

/** Startup offers: three milestones, 40 % / 40 % / 20 %, with evidence for each. */
export const STARTUP_MILESTONES: ReadonlyArray<{
  percent: number
  months: number
  label: LocalizedText
}> = [
  {
    percent: 40,
    months: 0,
    label: {
      fr: 'Signature de la convention et plan de travail',
      ar: 'توقيع الاتفاقية وخطة العمل',
      zgh: 'ⴰⵙⴼⵔⵓ ⵏ ⵜⵡⵉⵙⵉ ⴷ ⵓⵖⴰⵡⴰⵙ ⵏ ⵜⵡⵓⵔⵉ',
      en: 'Agreement signed and work plan',
    },
  },
  {
    percent: 40,
    months: 6,
    label: {
      fr: 'Prototype ou produit minimum viable livré',
      ar: 'تسليم النموذج الأولي أو المنتج الأدنى القابل للتطبيق',
      zgh: 'ⴰⵙⵉⵡⴹ ⵏ ⵓⵎⴷⵢⴰ ⴰⵎⵣⵡⴰⵔⵓ',
      en: 'Prototype or minimum viable product delivered',
    },
  },
  {
    percent: 20,
    months: 12,
    label: {
      fr: 'Premiers clients et rapport final',
      ar: 'الزبائن الأوائل والتقرير النهائي',
      zgh: 'ⵉⵎⵙⵖⴰⵏ ⵉⵎⵣⵡⵓⵔⴰ ⴷ ⵓⵏⵇⵇⵉⵙ ⴰⵏⴳⴳⴰⵔⵓ',
      en: 'First customers and final report',
    },
  },
]

const MONTH_LABEL: LocalizedText = {
  fr: 'Mensualité {month}',
  ar: 'القسط الشهري {month}',
  zgh: 'ⴰⵢⵢⵓⵔ {month}',
  en: 'Monthly payment {month}',
}

/**
 * Shares of a total in centimes by integer percentages: each share rounded down, the
 * remainder on the last, so the shares always add up to the total exactly.
 */
export function splitByPercent(totalCentimes: number, percents: readonly number[]) {
  const shares = percents.map((percent) => Math.floor((totalCentimes * percent) / 100))
  const allocated = shares.slice(0, -1).reduce((sum, share) => sum + share, 0)
  shares[shares.length - 1] = totalCentimes - allocated
  return shares
}

/**
 * `count` monthly amounts adding up to the total: the programme's stipend when the award
 * is exactly `count` stipends, otherwise equal shares with the remainder on the last.
 */
export function monthlyAmounts(totalCentimes: number, count: number, monthly?: number | null) {
  const base =
    monthly && monthly * count === totalCentimes ? monthly : Math.floor(totalCentimes / count)
  return Array.from({ length: count }, (_, index) =>
    index === count - 1 ? totalCentimes - base * (count - 1) : base
  )
}

/**
 * The first payment date of a stipend: the planned start date, or the first of next month
 * when there is none. Never a month before the agreement's own: a start planned in the
 * past (a late agreement) begins with the current month's stipend, not with arrears.
 */
export function stipendStart(plannedStartOn: unknown, today: DateTime) {
  if (typeof plannedStartOn === 'string') {
    const planned = DateTime.fromISO(plannedStartOn, { zone: today.zone })
    if (planned.isValid) return DateTime.max(planned.startOf('day'), today.startOf('month'))
  }
  return today.startOf('month').plus({ months: 1 })
}

/**
 * The tranches an agreement starts with (DESIGN §6). Pure: the same input always gives
 * the same schedule, and its amounts always add up to the award.
 * - living_grant: one tranche a month for the programme's stipend months;
 * - startup_offer: milestone tranches (40/40/20);
 * - vc_call: none, the fund manager issues capital calls against the commitment.
 */
export function trancheSchedule(input: ScheduleInput): PlannedTranche[] {
  if (!Number.isSafeInteger(input.totalCentimes) || input.totalCentimes <= 0) {
    throw new RangeError('An agreement needs a positive total in centimes')
  }
  switch (input.kind) {
    case 'living_grant': {
      const months = Math.max(1, Math.min(input.stipendMonths ?? 1, input.totalCentimes))
      return monthlyAmounts(input.totalCentimes, months, input.monthlyStipendCentimes).map(
        (amountCentimes, index) => ({
          sequence: index + 1,
          amountCentimes,
          dueOn: input.startOn.plus({ months: index }).toISODate(),
          milestone: Object.fromEntries(
            Object.entries(MONTH_LABEL).map(([locale, text]) => [
              locale,
              text.replace('{month}', String(index + 1)),
            ])
          ),
        })
      )
    }
    case 'startup_offer': {
      const amounts = splitByPercent(
        input.totalCentimes,
        STARTUP_MILESTONES.map((milestone) => milestone.percent)
      )
      return STARTUP_MILESTONES.map((milestone, index) => ({
        sequence: index + 1,
        amountCentimes: amounts[index],
        dueOn: input.startOn.plus({ months: milestone.months }).toISODate(),
        milestone: milestone.label,
      })).filter((tranche) => tranche.amountCentimes > 0)
    }
    case 'vc_call':
      return []
  }
}
