import { Money } from '#core/money'
import type { FormAnswers, FormDefinition } from '#programmes/forms/form_definition'
import { requestedAmountOf } from '#programmes/forms/requested_amount'

export interface AwardProgramme {
  kind: string
  monthlyStipendCentimes: number | null
  stipendMonths: number | null
  grantCeilingCentimes: number | null
}

/**
 * What an award commits (DESIGN §5–6); zero when nothing can be awarded.
 * Living grant: the stipend times its months. Startup offer: the amount requested, capped
 * by the programme's ceiling. VC call: the commitment requested. `requested` is the
 * form's declared requested amount, already Money (see requested_amount.ts).
 */
export function awardAmountFor(programme: AwardProgramme, requested: Money | null): Money {
  switch (programme.kind) {
    case 'living_grant':
      return Money.ofCentimes(
        (programme.monthlyStipendCentimes ?? 0) * (programme.stipendMonths ?? 0)
      )
    case 'startup_offer': {
      const asked = requested ?? Money.zero()
      const ceiling = programme.grantCeilingCentimes
      return ceiling === null || asked.centimes <= ceiling ? asked : Money.ofCentimes(ceiling)
    }
    case 'vc_call':
      return requested ?? Money.zero()
    default:
      return Money.zero()
  }
}

/** The same, from submitted answers and the form version they answered. */
export function awardAmountOf(
  programme: AwardProgramme,
  definition: FormDefinition,
  submittedAnswers: FormAnswers | null
) {
  return awardAmountFor(programme, requestedAmountOf(definition, submittedAnswers))
}
