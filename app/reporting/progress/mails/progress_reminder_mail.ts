import type { I18n } from '@adonisjs/i18n'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { DateTime } from 'luxon'
import LocalizedMail from '#core/mail/localized_mail'
import type User from '#identity/models/user'

export interface ProgressReminder {
  kind: 'due_soon' | 'overdue'
  agreementId: number
  periodStart: string
  dueOn: string
}

/** A beneficiary's progress report is due within a week, or overdue; in their language. */
export default class ProgressReminderMail extends LocalizedMail {
  constructor(
    user: User,
    readonly reminder: ProgressReminder
  ) {
    super(user)
  }

  protected compose(i18n: I18n) {
    const day = (iso: string) =>
      DateTime.fromISO(iso).setLocale(i18n.locale).toLocaleString(DateTime.DATE_FULL)
    const data = {
      agreement: this.reminder.agreementId,
      period: day(this.reminder.periodStart),
      due: day(this.reminder.dueOn),
    }
    return {
      key: `progress.mail.${this.reminder.kind}`,
      data,
      action: i18n.t('progress.mail.action'),
      path: urlFor('progress_reports.index', { id: this.reminder.agreementId }),
      // The reviewers' notice view is the same shape: heading, body, one link.
      view: 'review_notice',
      texts: { overdue: null },
    }
  }
}
