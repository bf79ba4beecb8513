import { DeadlineExtensionSchema } from '#database/schema'
import { belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Application from '#applications/models/application'

/** A later closing instant an officer gave one application of a call, with a reason. */
export default class DeadlineExtension extends DeadlineExtensionSchema {
  @belongsTo(() => Application)
  declare application: BelongsTo<typeof Application>
}
