import { RuleSetVersionSchema } from '#database/schema'
import { belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Call from '#programmes/models/call'

/**
 * One version of a call's rule set. The latest unpublished version is the officer's
 * working copy; a published version never changes (a database trigger refuses it).
 */
export default class RuleSetVersion extends RuleSetVersionSchema {
  @belongsTo(() => Call)
  declare call: BelongsTo<typeof Call>

  get isPublished() {
    return this.publishedAt !== null
  }
}
