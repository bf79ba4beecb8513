import vine from '@vinejs/vine'
import { INT4_MAX } from '#core/route_ids'

/** The id of a record in a body or query string: a positive int4, as in URLs. */
export const recordId = () => vine.number().withoutDecimals().range([1, INT4_MAX])
