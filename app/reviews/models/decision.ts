import { DecisionSchema } from '#database/schema'
import { belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Application from '#applications/models/application'
import Call from '#programmes/models/call'

/** The decision on an application: awarded, waitlisted or rejected. */
export default class Decision extends DecisionSchema {
  // JSON arrays: pg would otherwise send a JavaScript array as a PostgreSQL array.
  @column({ prepare: (value: string[]) => JSON.stringify(value) })
  declare conditions: string[]

  @column({ prepare: (value: string[]) => JSON.stringify(value) })
  declare reasons: string[]

  @belongsTo(() => Application)
  declare application: BelongsTo<typeof Application>

  @belongsTo(() => Call)
  declare call: BelongsTo<typeof Call>
}
