import { ApplicationDocumentSchema } from '#database/schema'
import { belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Application from '#applications/models/application'

/** A file attached to an application, kept in private storage (Drive). */
export default class ApplicationDocument extends ApplicationDocumentSchema {
  @belongsTo(() => Application)
  declare application: BelongsTo<typeof Application>
}
