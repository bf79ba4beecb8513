import type { RuleSet } from '#eligibility/rule_set'
import type { ApplicationFormKind } from '#database/forms/index'
import type { CallTerms } from '#database/rules/call_terms'
import { startupOfferRules } from '#database/rules/startup_offer'
import { livingGrantRules } from '#database/rules/living_grant'
import { vcCallRules } from '#database/rules/vc_call'

export type { CallTerms } from '#database/rules/call_terms'

/**
 * The rule set each kind of demo call is seeded with (version 1, published), written for
 * the forms in database/forms. A function of the call's terms: its closing day bounds
 * date bands, and a startup offer's ceiling is its programme's.
 */
export const SEEDED_RULE_SETS: Record<ApplicationFormKind, (terms: CallTerms) => RuleSet> = {
  startup_offer: startupOfferRules,
  living_grant: livingGrantRules,
  vc_call: vcCallRules,
}
