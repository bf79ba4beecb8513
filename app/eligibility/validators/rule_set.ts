import vine from '@vinejs/vine'
import type { I18n } from '@adonisjs/i18n'
import type { FieldContext, MessagesProviderContact } from '@vinejs/vine/types'
import { checkRuleSet } from '#eligibility/rule_set_checker'
import { positionOf } from '#programmes/validators/call_form'
import { staffMessages } from '#programmes/validators/staff_messages'
import type { RuleSet } from '#eligibility/rule_set'
import type { FormDefinition } from '#programmes/forms/form_definition'

/**
 * The textarea's text must be JSON and a rule set that fits the call's current form
 * (`meta.form`); every problem is reported on its own, with its exact path, and nothing
 * is saved.
 */
const ruleSetRule = vine.createRule((value: unknown, _options: undefined, field: FieldContext) => {
  if (typeof value !== 'string') return
  let parsed: unknown
  try {
    parsed = JSON.parse(value)
  } catch (error) {
    field.report('The rules are not valid JSON', 'json', field, positionOf(error, value))
    return
  }
  const form = (field.meta as RuleSetMeta).form ?? undefined
  for (const problem of checkRuleSet(parsed, form)) {
    field.report(`${problem.path}: ${problem.message}`, 'ruleSet', field, problem)
  }
})

interface RuleSetMeta {
  /** The call's current form; without one, only the shape of the rules is checked. */
  form: FormDefinition | null
}

export const ruleSetValidator = vine.withMetaData<RuleSetMeta>().create({
  rules: vine
    .string()
    .maxLength(200_000)
    .use(ruleSetRule())
    .transform((value) => JSON.parse(value) as RuleSet),
})

/**
 * The rules editor's own messages (eligibility_staff.validator.*), then the programme
 * officers' shared ones.
 */
class RuleSetMessagesProvider implements MessagesProviderContact {
  private fallback: MessagesProviderContact

  constructor(private readonly i18n: I18n) {
    this.fallback = staffMessages(i18n)
  }

  getMessage(
    defaultMessage: string,
    rule: string,
    field: FieldContext,
    meta?: Record<string, any>
  ) {
    const key = `eligibility_staff.validator.${rule}`
    if (this.i18n.hasMessage(key)) return this.i18n.t(key, meta)
    return this.fallback.getMessage(defaultMessage, rule, field, meta)
  }
}

export function ruleSetMessages(i18n: I18n) {
  return new RuleSetMessagesProvider(i18n)
}
