import { CallRubricSchema } from '#database/schema'
import { belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Call from '#programmes/models/call'
import type { RubricCriterion } from '#reviews/rubric'

/** The scoring rubric of a call. */
export default class CallRubric extends CallRubricSchema {
  // A JSON array: pg would otherwise send a JavaScript array as a PostgreSQL array.
  @column({ prepare: (value: RubricCriterion[]) => JSON.stringify(value) })
  declare criteria: RubricCriterion[]

  @belongsTo(() => Call)
  declare call: BelongsTo<typeof Call>
}
