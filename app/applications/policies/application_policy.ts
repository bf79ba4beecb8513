import { BasePolicy } from '@adonisjs/bouncer'
import db from '@adonisjs/lucid/services/db'
import type User from '#identity/models/user'
import type Application from '#applications/models/application'
import { liveMembership } from '#applications/application_members'

/**
 * The applicant, and the members of the organization it is filed for, own an
 * application; programme officers see every one. Co-applicants invited onto it (issue
 * 14) see it too: editors fill in the draft, those allowed to submit submit it, viewers
 * read. Everyone else (a revoked member included) does not know it exists.
 */
export default class ApplicationPolicy extends BasePolicy {
  async view(user: User, application: Application) {
    return (
      user.hasRole('programme_officer') ||
      (await this.owns(user, application)) ||
      (await liveMembership(application.id, user.id)) !== null
    )
  }

  /**
   * What only its owners do, never staff on their behalf nor a co-applicant: withdraw,
   * appeal, answer a decision, invite and revoke co-applicants.
   */
  async edit(user: User, application: Application) {
    return this.owns(user, application)
  }

  /** Fill in the draft and upload its documents: the owners and editors. */
  async editDraft(user: User, application: Application) {
    if (await this.owns(user, application)) return true
    const member = await liveMembership(application.id, user.id)
    return member?.role === 'editor'
  }

  /** Submit the draft: the owners, and editors the owner allowed to submit. */
  async submit(user: User, application: Application) {
    if (await this.owns(user, application)) return true
    const member = await liveMembership(application.id, user.id)
    return member?.role === 'editor' && member.canSubmit
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
