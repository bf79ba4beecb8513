import db from '@adonisjs/lucid/services/db'
import User from '#identity/models/user'
import { recordAudit } from '#core/audit/audit_trail'
import { DomainError } from '#core/exceptions/domain_error'
import type { Actor } from '#core/audit/actor'
import type { Role } from '#identity/roles'

interface Input {
  roles: Role[]
  instituteId?: number
}

/**
 * The roles as stored (sorted) and the institute that scopes a coordinator (none for
 * anyone else); a coordinator without an institute is refused.
 */
export function grantedRoles(input: Input) {
  const coordinates = input.roles.includes('institute_coordinator')
  if (coordinates && !input.instituteId) {
    throw new DomainError('admin.roles.institute_required', { status: 422 })
  }
  return { roles: [...input.roles].sort(), instituteId: coordinates ? input.instituteId! : null }
}

/**
 * An admin grants or withdraws roles. The change and its audit entry (roles before and
 * after) commit together. An admin cannot withdraw their own admin role, so the
 * platform always keeps one; an institute coordinator must belong to an institute.
 */
export class SetUserRoles {
  async handle(userId: number, input: Input, actor: Actor) {
    return db.transaction(async (client) => {
      const user = await User.query({ client }).where('id', userId).forUpdate().firstOrFail()
      if (user.id === actor.id && user.hasRole('admin') && !input.roles.includes('admin')) {
        throw new DomainError('admin.roles.cannot_remove_own_admin', { status: 422 })
      }
      const before = [...user.roles]
      user.merge(grantedRoles(input))
      await user.useTransaction(client).save()
      await recordAudit(
        {
          actor,
          action: 'user.roles_changed',
          subjectType: 'user',
          subjectId: user.id,
          metadata: { before, after: user.roles, instituteId: user.instituteId },
        },
        client
      )
      return user
    })
  }
}
