import { UserTokenSchema } from '#database/schema'
import { belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import User from '#identity/models/user'

export type TokenPurpose = 'verify_email' | 'reset_password' | 'invitation'

/** A one-time token sent by email (verification, password reset, invitation), stored as a hash. */
export default class UserToken extends UserTokenSchema {
  declare purpose: TokenPurpose

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>
}
