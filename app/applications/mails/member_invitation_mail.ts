import type { I18n } from '@adonisjs/i18n'
import LocalizedMail from '#core/mail/localized_mail'
import type User from '#identity/models/user'
import type { LocalizedText } from '#core/i18n/localized_text'
import { localize } from '#core/i18n/localized_text'

/** An invitation to join an application as a co-applicant, in the invitee's language. */
export default class MemberInvitationMail extends LocalizedMail {
  constructor(
    recipient: User,
    readonly path: string,
    readonly facts: { inviter: string; callTitle: LocalizedText; role: string }
  ) {
    super(recipient)
  }

  protected compose(i18n: I18n) {
    const key = 'members.mail.invitation'
    return {
      key,
      data: {
        inviter: this.facts.inviter,
        call: localize(this.facts.callTitle, i18n.locale),
        role: i18n.t(`members.roles.${this.facts.role}`),
      },
      action: i18n.t(`${key}.action`),
      path: this.path,
      view: 'account',
      texts: { expiry: i18n.t(`${key}.expiry`), ignore: i18n.t('mail.ignore') },
    }
  }
}
