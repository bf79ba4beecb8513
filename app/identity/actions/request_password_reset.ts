import db from '@adonisjs/lucid/services/db'
import mail from '@adonisjs/mail/services/main'
import User from '#identity/models/user'
import AccountMail from '#identity/mails/account_mail'
import { issueToken } from '#identity/one_time_tokens'

/**
 * Emails a reset link when the address has an account. The caller answers the same
 * way either way, so the form never reveals who has an account.
 */
export class RequestPasswordReset {
  async handle(email: string) {
    const user = await User.query().whereRaw('lower(email) = ?', [email.toLowerCase()]).first()
    if (!user) return
    const token = await db.transaction((client) => issueToken(user, 'reset_password', client))
    await mail.sendLater(new AccountMail(user, 'reset_password', `/password/reset/${token}`))
  }
}
