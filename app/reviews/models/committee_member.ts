import { CommitteeMemberSchema } from '#database/schema'
import { belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import User from '#identity/models/user'
import Call from '#programmes/models/call'

/** A reviewer (or the chair) on a call's committee. */
export default class CommitteeMember extends CommitteeMemberSchema {
  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>

  @belongsTo(() => Call)
  declare call: BelongsTo<typeof Call>
}
