import { BaseMail } from '@adonisjs/mail'
import i18nManager from '@adonisjs/i18n/services/main'
import env from '#start/env'
import { directionOf } from '#core/i18n/locales'
import type User from '#identity/models/user'

/**
 * An email about a person's account (verification, password reset), written in the
 * person's own language: one template, the text from the i18n files.
 */
export default class AccountMail extends BaseMail {
  constructor(
    readonly user: User,
    readonly kind: 'verify_email' | 'reset_password',
    readonly path: string
  ) {
    super()
  }

  /**
   * Texts are resolved here, in the sender's process: the compiled message travels to
   * the worker as JSON, so the templates receive plain strings only.
   */
  prepare() {
    const i18n = i18nManager.locale(this.user.preferredLocale)
    const key = `mail.${this.kind}`
    const texts = {
      locale: i18n.locale,
      dir: directionOf(i18n.locale),
      heading: i18n.t(`${key}.heading`),
      greeting: i18n.t('mail.greeting', { name: this.user.fullName }),
      body: i18n.t(`${key}.body`),
      action: i18n.t(`${key}.action`),
      expiry: i18n.t(`${key}.expiry`),
      ignore: i18n.t('mail.ignore'),
      link: new URL(this.path, env.get('APP_URL')).href,
    }
    this.message
      .to(this.user.email, this.user.fullName)
      .subject(i18n.t(`${key}.subject`))
      .htmlView('emails/account', texts)
      .textView('emails/account_text', texts)
  }
}
