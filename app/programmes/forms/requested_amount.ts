import { Money } from '#core/money'
import type {
  FieldDefinition,
  FormAnswers,
  FormDefinition,
} from '#programmes/forms/form_definition'

/**
 * The money field whose answer is the amount an applicant asks for (DESIGN §3, §5): the
 * form declares it with `requestedAmount: true` on one top-level money field, and the
 * ranking, the award run and the reserve promotion read that field and no other.
 */

/** Programme kinds whose award is the amount asked: their forms must declare the field. */
export const KINDS_ASKING_AN_AMOUNT: ReadonlySet<string> = new Set(['startup_offer', 'vc_call'])

export interface RequestedAmountField {
  section: string
  field: FieldDefinition
}

/** Every field flagged as the requested amount, wherever it is (the checker wants one). */
export function flaggedRequestedAmountFields(definition: FormDefinition) {
  const found: RequestedAmountField[] = []
  for (const section of definition.sections ?? []) {
    for (const field of section.fields ?? []) {
      if (field.requestedAmount === true) found.push({ section: section.key, field })
    }
  }
  return found
}

/** The declared requested-amount field of a usable definition, or null. */
export function requestedAmountField(definition: FormDefinition): RequestedAmountField | null {
  const [first] = flaggedRequestedAmountFields(definition)
  return first && first.field.type === 'money' ? first : null
}

/** Its Postgres text[] path in the answers (`#>>`), e.g. `{funding,amount_requested}`. */
export function requestedAmountPath(definition: FormDefinition) {
  const declared = requestedAmountField(definition)
  return declared ? `{${declared.section},${declared.field.key}}` : null
}

/**
 * A submitted money answer as Money. Submitted answers hold integer centimes (the answers
 * validator converted the dirhams typed, once); this is the one place they are read back,
 * from the JSON number or the text Postgres gives for it. Anything else is no amount.
 */
export function submittedMoney(value: unknown): Money | null {
  const centimes = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
  return typeof centimes === 'number' && Number.isSafeInteger(centimes) && centimes >= 0
    ? Money.ofCentimes(centimes)
    : null
}

/** The amount asked in submitted answers, by the form version they answered. */
export function requestedAmountOf(definition: FormDefinition, answers: FormAnswers | null) {
  const declared = requestedAmountField(definition)
  if (!declared || !answers) return null
  return submittedMoney(answers[declared.section]?.[declared.field.key])
}
