import { FormVersionSchema } from '#database/schema'
import { belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Call from '#programmes/models/call'

/** One version of a call's application form; frozen once an application is submitted on it. */
export default class FormVersion extends FormVersionSchema {
  @belongsTo(() => Call)
  declare call: BelongsTo<typeof Call>

  get isFrozen() {
    return this.frozenAt !== null
  }
}
