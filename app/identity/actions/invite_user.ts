import { randomBytes } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import mail from '@adonisjs/mail/services/main'
import i18nManager from '@adonisjs/i18n/services/main'
import type { Infer } from '@vinejs/vine/types'
import User from '#identity/models/user'
import AccountMail from '#identity/mails/account_mail'
import { issueToken } from '#identity/one_time_tokens'
import { grantedRoles } from '#identity/actions/set_user_roles'
import type { invitationValidator } from '#identity/validators/roles'
import { recordAudit } from '#core/audit/audit_trail'
import { InvalidFields } from '#core/exceptions/domain_error'
import type { Actor } from '#core/audit/actor'

/** PostgreSQL's unique_violation: two admins inviting the same address at once. */
const UNIQUE_VIOLATION = '23505'

/**
 * An admin creates an account for someone (staff above all, who must not sign up as
 * applicants) with the roles given, and mails them a single-use link, valid a week, to
 * choose their password. Until then the account has a random password nobody knows.
 * The account, its audit entry and the token commit together; the mail is queued after.
 */
export class InviteUser {
  async handle(input: Infer<typeof invitationValidator>, actor: Actor) {
    const { roles, instituteId } = grantedRoles(input)
    const { user, token } = await db
      .transaction(async (client) => {
        const created = await User.create(
          {
            fullName: input.fullName,
            email: input.email,
            password: randomBytes(32).toString('base64url'),
            roles,
            instituteId,
            preferredLocale: input.preferredLocale,
          },
          { client }
        )
        await recordAudit(
          {
            actor,
            action: 'user.invited',
            subjectType: 'user',
            subjectId: created.id,
            metadata: { roles, instituteId },
          },
          client
        )
        return { user: created, token: await issueToken(created, 'invitation', client) }
      })
      .catch((error) => {
        if (error?.code === UNIQUE_VIOLATION) {
          throw new InvalidFields([{ field: 'email', message: 'validator.shared.messages.unique' }])
        }
        throw error
      })
    const i18n = i18nManager.locale(user.preferredLocale)
    const roleNames = user.roles.map((role) => i18n.t(`roles.${role}`)).join(', ')
    await mail.sendLater(
      new AccountMail(user, 'invitation', `/invitations/${token}`, { roles: roleNames })
    )
    return user
  }
}
