import type { I18n } from '@adonisjs/i18n'
import type { DateTime } from 'luxon'
import LocalizedMail from '#core/mail/localized_mail'
import type User from '#identity/models/user'
import { localize, type LocalizedText } from '#core/i18n/localized_text'
import { formatCasablanca } from '#core/casablanca_time'

/** "Your draft is not submitted and the call closes on …", in the owner's language. */
export default class DraftReminderMail extends LocalizedMail {
  constructor(
    owner: User,
    readonly path: string,
    readonly facts: { callTitle: LocalizedText; closesAt: DateTime }
  ) {
    super(owner)
  }

  protected compose(i18n: I18n) {
    const key = 'members.mail.draft_reminder'
    return {
      key,
      data: {
        call: localize(this.facts.callTitle, i18n.locale),
        date: formatCasablanca(this.facts.closesAt, i18n.locale),
      },
      action: i18n.t(`${key}.action`),
      path: this.path,
      view: 'account',
      texts: { expiry: i18n.t(`${key}.expiry`), ignore: null },
    }
  }
}
