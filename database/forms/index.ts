import type { ProgrammeKind } from '#programmes/models/programme'
import type { FormDefinition } from '#programmes/forms/form_definition'
import { startupOfferForm } from '#database/forms/startup_offer'
import { livingGrantForm } from '#database/forms/living_grant'
import { vcCallForm } from '#database/forms/vc_call'

/** Programme kinds whose calls take applications through a form (training uses enrolment). */
export type ApplicationFormKind = Exclude<ProgrammeKind, 'training'>

/** The application form each kind of call starts from (version 1 of a demo call's form). */
export const APPLICATION_FORMS: Record<ApplicationFormKind, FormDefinition> = {
  startup_offer: startupOfferForm,
  living_grant: livingGrantForm,
  vc_call: vcCallForm,
}

export function hasApplicationForm(kind: ProgrammeKind): kind is ApplicationFormKind {
  return kind in APPLICATION_FORMS
}
