import db from '@adonisjs/lucid/services/db'
import mail from '@adonisjs/mail/services/main'
import AccountMail from '#identity/mails/account_mail'
import { issueToken } from '#identity/one_time_tokens'
import type User from '#identity/models/user'

/** Sends a fresh verification link (the earlier ones stop working). */
export class SendEmailVerification {
  async handle(user: User) {
    if (user.emailVerifiedAt) return
    const token = await db.transaction((client) => issueToken(user, 'verify_email', client))
    await mail.sendLater(new AccountMail(user, 'verify_email', `/email/verify/${token}`))
  }
}
