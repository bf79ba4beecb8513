import type { FormAnswers } from '#programmes/forms/form_definition'

export interface AwardProgramme {
  kind: string
  monthlyStipendCentimes: number | null
  stipendMonths: number | null
  grantCeilingCentimes: number | null
}

/** Where each kind's form asks for money ([section, field]), in MAD as submitted. */
const REQUESTED_AMOUNT_FIELDS: Record<string, readonly [string, string]> = {
  startup_offer: ['funding', 'amount_requested'],
  vc_call: ['terms', 'requested_commitment'],
}

/** The answer holding the amount asked, as a Postgres text[] path (`#>>`), or null. */
export function requestedAmountPath(kind: string) {
  const path = REQUESTED_AMOUNT_FIELDS[kind]
  return path ? `{${path.join(',')}}` : null
}

/** The amount asked in the submitted answers, in MAD (as typed or as text), if any. */
export function requestedAmountOf(kind: string, answers: FormAnswers | null): unknown {
  const path = REQUESTED_AMOUNT_FIELDS[kind]
  return path ? answers?.[path[0]]?.[path[1]] : null
}

function centimesOf(value: unknown) {
  const mad = typeof value === 'number' ? value : Number(value)
  if (value === null || value === undefined || value === '' || !Number.isFinite(mad)) return 0
  return Math.max(0, Math.round(mad * 100))
}

/**
 * What an award commits (DESIGN §5–6), in centimes; 0 when nothing can be awarded.
 * Living grant: the stipend times its months. Startup offer: the amount requested, capped
 * by the programme's ceiling. VC call: the commitment requested.
 */
export function awardAmountOf(programme: AwardProgramme, submittedAnswers: FormAnswers | null) {
  return awardAmountFor(programme, requestedAmountOf(programme.kind, submittedAnswers))
}

/** The same, from the amount asked alone (what the ranking query reads). */
export function awardAmountFor(programme: AwardProgramme, requestedMad: unknown) {
  switch (programme.kind) {
    case 'living_grant':
      return (programme.monthlyStipendCentimes ?? 0) * (programme.stipendMonths ?? 0)
    case 'startup_offer': {
      const requested = centimesOf(requestedMad)
      const ceiling = programme.grantCeilingCentimes
      return ceiling === null ? requested : Math.min(requested, ceiling)
    }
    case 'vc_call':
      return centimesOf(requestedMad)
    default:
      return 0
  }
}
