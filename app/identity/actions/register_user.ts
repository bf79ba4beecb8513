import db from '@adonisjs/lucid/services/db'
import mail from '@adonisjs/mail/services/main'
import User from '#identity/models/user'
import AccountMail from '#identity/mails/account_mail'
import { issueToken } from '#identity/one_time_tokens'
import { recordAudit } from '#core/audit/audit_trail'
import type { Actor } from '#core/audit/actor'
import type { Infer } from '@vinejs/vine/types'
import type { signUpValidator } from '#identity/validators/account'
import type { Locale } from '#core/i18n/locales'

type Input = Infer<typeof signUpValidator> & { locale: Locale }

/**
 * Creates the account with the role the person chose (applicant, fund manager or
 * trainee), then queues the verification email once the account exists.
 */
export class RegisterUser {
  async handle(input: Input, actor: Actor) {
    const { user, token } = await db.transaction(async (client) => {
      const created = await User.create(
        {
          fullName: input.fullName,
          email: input.email,
          password: input.password,
          roles: [input.accountType],
          preferredLocale: input.locale,
        },
        { client }
      )
      // The consent ticked on the form, dated, so the person can later withdraw it.
      await client
        .table('user_consents')
        .insert({ user_id: created.id, purpose: 'processing', granted_at: new Date() })
      await recordAudit(
        {
          actor: { ...actor, id: created.id },
          action: 'user.registered',
          subjectType: 'user',
          subjectId: created.id,
          metadata: { roles: created.roles, consent: true },
        },
        client
      )
      return { user: created, token: await issueToken(created, 'verify_email', client) }
    })
    await mail.sendLater(new AccountMail(user, 'verify_email', `/email/verify/${token}`))
    return user
  }
}
