import { BasePolicy } from '@adonisjs/bouncer'
import db from '@adonisjs/lucid/services/db'
import type User from '#identity/models/user'
import type Application from '#applications/models/application'

/**
 * The applicant, and the members of the organization it is filed for, own an
 * application; programme officers see every one. Everyone else does not know it exists.
 */
export default class ApplicationPolicy extends BasePolicy {
  async view(user: User, application: Application) {
    return user.hasRole('programme_officer') || (await this.owns(user, application))
  }

  /** Fill in, upload, submit, withdraw: only its owners, never staff on their behalf. */
  async edit(user: User, application: Application) {
    return this.owns(user, application)
  }

  private async owns(user: User, application: Application) {
    if (application.applicantId === user.id) return true
    if (application.organizationId === null) return false
    const membership = await db
      .from('organization_members')
      .where({ organization_id: application.organizationId, user_id: user.id })
      .first()
    return !!membership
  }
}
