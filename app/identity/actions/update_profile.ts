import db from '@adonisjs/lucid/services/db'
import hash from '@adonisjs/core/services/hash'
import { recordAudit } from '#core/audit/audit_trail'
import { DomainError } from '#core/exceptions/domain_error'
import type { Actor } from '#core/audit/actor'
import type User from '#identity/models/user'
import type { Infer } from '@vinejs/vine/types'
import type { changePasswordValidator, profileValidator } from '#identity/validators/account'

export class UpdateProfile {
  async handle(user: User, input: Infer<typeof profileValidator>) {
    const { gender, birthYear, ...details } = input
    user.merge(details)
    // Sent empty ("prefer not to say"), they are forgotten; not sent at all, kept.
    if (gender !== undefined) user.gender = gender
    if (birthYear !== undefined) user.birthYear = birthYear
    await user.save()
    return user
  }
}

/** Changing a password needs the current one; API tokens are revoked with it. */
export class ChangePassword {
  async handle(user: User, input: Infer<typeof changePasswordValidator>, actor: Actor) {
    if (!(await hash.verify(user.password, input.currentPassword))) {
      throw new DomainError('profile.password.current_wrong', { status: 422 })
    }
    await db.transaction(async (client) => {
      user.password = input.password
      await user.useTransaction(client).save()
      await client.from('auth_access_tokens').where('tokenable_id', user.id).delete()
      await recordAudit(
        { actor, action: 'user.password_changed', subjectType: 'user', subjectId: user.id },
        client
      )
    })
  }
}
