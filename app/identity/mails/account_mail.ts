import type { I18n } from '@adonisjs/i18n'
import LocalizedMail from '#core/mail/localized_mail'
import type User from '#identity/models/user'

/**
 * An email about a person's account (verification, password reset, invitation), written
 * in the person's own language: one template, the text from the i18n files.
 */
export default class AccountMail extends LocalizedMail {
  constructor(
    user: User,
    readonly kind: 'verify_email' | 'reset_password' | 'invitation',
    readonly path: string,
    /** The placeholders of the texts (the roles of an invitation). */
    readonly data: Record<string, string> = {}
  ) {
    super(user)
  }

  protected compose(i18n: I18n) {
    const key = `mail.${this.kind}`
    return {
      key,
      data: this.data,
      action: i18n.t(`${key}.action`),
      path: this.path,
      view: 'account',
      texts: { expiry: i18n.t(`${key}.expiry`), ignore: i18n.t('mail.ignore') },
    }
  }
}
