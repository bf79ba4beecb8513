import { SessionItemSchema } from '#database/schema'
import { belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Application from '#applications/models/application'

/** An application on a session's agenda and the consensus reached. */
export default class SessionItem extends SessionItemSchema {
  @belongsTo(() => Application)
  declare application: BelongsTo<typeof Application>
}
