import { CommitteeSessionSchema } from '#database/schema'
import { belongsTo, column, hasMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import Call from '#programmes/models/call'
import SessionItem from '#reviews/models/session_item'
import SessionAttendance from '#reviews/models/session_attendance'

/** A committee meeting on a call, its agenda and its minutes. */
export default class CommitteeSession extends CommitteeSessionSchema {
  // The naming strategy would read `minutes_sha_256`.
  @column({ columnName: 'minutes_sha256' })
  declare minutesSha256: string | null

  @belongsTo(() => Call)
  declare call: BelongsTo<typeof Call>

  @hasMany(() => SessionItem, { foreignKey: 'sessionId' })
  declare items: HasMany<typeof SessionItem>

  @hasMany(() => SessionAttendance, { foreignKey: 'sessionId' })
  declare attendances: HasMany<typeof SessionAttendance>
}
