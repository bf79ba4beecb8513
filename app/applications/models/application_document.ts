import { ApplicationDocumentSchema } from '#database/schema'
import { belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Application from '#applications/models/application'

/** A file attached to an application, kept in private storage (Drive). */
export default class ApplicationDocument extends ApplicationDocumentSchema {
  // The naming strategy would look for `sha_256`.
  @column({ columnName: 'sha256' })
  declare sha256: string

  @belongsTo(() => Application)
  declare application: BelongsTo<typeof Application>
}
