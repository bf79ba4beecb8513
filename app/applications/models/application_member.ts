import { ApplicationMemberSchema } from '#database/schema'
import { belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Application from '#applications/models/application'
import User from '#identity/models/user'

export const MEMBER_ROLES = ['editor', 'viewer'] as const
export type MemberRole = (typeof MEMBER_ROLES)[number]

/**
 * A co-applicant invited onto an application: pending until the invitation is accepted
 * (then bound to an account), live until revoked. The owner is the applicant, never a row.
 */
export default class ApplicationMember extends ApplicationMemberSchema {
  declare role: MemberRole

  @belongsTo(() => Application)
  declare application: BelongsTo<typeof Application>

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>

  @belongsTo(() => User, { foreignKey: 'invitedBy' })
  declare inviter: BelongsTo<typeof User>

  get isPending() {
    return this.acceptedAt === null && this.revokedAt === null
  }
}
