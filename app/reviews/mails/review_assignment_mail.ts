import type { I18n } from '@adonisjs/i18n'
import { urlFor } from '@adonisjs/core/services/url_builder'
import LocalizedMail from '#core/mail/localized_mail'
import { formatCasablanca } from '#core/casablanca_time'
import type User from '#identity/models/user'
import type { DateTime } from 'luxon'

/** New reviews were assigned, or some are due within 48 h or overdue. */
export interface ReviewNotice {
  kind: 'assigned' | 'reminder'
  count: number
  /** The earliest due date among them. */
  dueAt: DateTime
  overdue?: number
}

/**
 * Tells a reviewer, in their own language, about reviews waiting in their queue. Never
 * names an applicant: the queue decides what a blind call shows.
 */
export default class ReviewAssignmentMail extends LocalizedMail {
  constructor(
    user: User,
    readonly notice: ReviewNotice
  ) {
    super(user)
  }

  protected compose(i18n: I18n) {
    const data = {
      count: this.notice.count,
      overdue: this.notice.overdue ?? 0,
      due: formatCasablanca(this.notice.dueAt, i18n.locale),
    }
    return {
      key: `review_queue.mail.${this.notice.kind}`,
      data,
      action: i18n.t('review_queue.mail.action'),
      path: urlFor('review_queue.index'),
      view: 'review_notice',
      texts: { overdue: data.overdue > 0 ? i18n.t('review_queue.mail.overdue', data) : null },
    }
  }
}
