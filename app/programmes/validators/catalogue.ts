import vine from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'
import { STARTUP_STAGES } from '#programmes/models/programme'
import { CALL_KINDS, type OpenCallFilters } from '#programmes/open_calls'
import { paginationRules } from '#core/pagination'

/** A stage only narrows Startup Maroc offers; with another kind it would match nothing. */
const onlyWithStartupOffers = vine.createRule((_value: unknown, _options, field: FieldContext) => {
  const kind = (field.parent as Record<string, unknown> | undefined)?.kind
  if (kind !== undefined && kind !== null && kind !== '' && kind !== 'startup_offer') {
    field.report('The stage only applies to startup_offer calls', 'stageWithoutStartupOffer', field)
  }
})

/** The JSON API's filters: unknown values are refused (422) so a typo never reads as "none". */
export const openCallsApiValidator = vine.create({
  ...paginationRules(),
  kind: vine.enum(CALL_KINDS).optional(),
  stage: vine.enum(STARTUP_STAGES).use(onlyWithStartupOffers()).optional(),
})

/** The catalogue page's filter form (GET); empty selects mean "any". */
export const catalogueFiltersValidator = vine.create({
  kind: vine.enum(CALL_KINDS).optional(),
  stage: vine.enum(STARTUP_STAGES).optional(),
  page: vine.number().positive().withoutDecimals().max(10_000).optional(),
})

/** A GET form sends empty selects as `kind=`: they mean "any", not an invalid value. */
export function filledIn(query: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== ''))
}

/** Validation messages in the reader's language live in catalogue.json (catalogue.validator.*). */
export const CATALOGUE_MESSAGES_PREFIX = 'catalogue.validator'

/**
 * The page is forgiving where the API is strict: a stage chosen with another kind is
 * dropped rather than emptying the list.
 */
export function catalogueFilters(payload: OpenCallFilters): OpenCallFilters {
  const kind = payload.kind
  const stage = kind === undefined || kind === 'startup_offer' ? payload.stage : undefined
  return { kind, stage }
}
