import { CallRubricSchema } from '#database/schema'
import { belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Call from '#programmes/models/call'

/** The scoring rubric of a call. */
export default class CallRubric extends CallRubricSchema {
  @column({ consume: (value) => (value === null ? value : Number(value)) })
  declare awardThreshold: number

  @belongsTo(() => Call)
  declare call: BelongsTo<typeof Call>
}
