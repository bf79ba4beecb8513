import { BaseMail } from '@adonisjs/mail'
import i18nManager from '@adonisjs/i18n/services/main'
import { urlFor } from '@adonisjs/core/services/url_builder'
import env from '#start/env'
import { directionOf } from '#core/i18n/locales'
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
 * Tells a reviewer, in their own language, about reviews waiting in their queue. Texts
 * are resolved here; the worker receives plain strings. Never names an applicant: the
 * queue decides what a blind call shows.
 */
export default class ReviewAssignmentMail extends BaseMail {
  constructor(
    readonly user: User,
    readonly notice: ReviewNotice
  ) {
    super()
  }

  prepare() {
    const i18n = i18nManager.locale(this.user.preferredLocale)
    const key = `review_queue.mail.${this.notice.kind}`
    const data = {
      count: this.notice.count,
      overdue: this.notice.overdue ?? 0,
      due: formatCasablanca(this.notice.dueAt, i18n.locale),
    }
    const texts = {
      locale: i18n.locale,
      dir: directionOf(i18n.locale),
      heading: i18n.t(`${key}.heading`, data),
      greeting: i18n.t('mail.greeting', { name: this.user.fullName }),
      body: i18n.t(`${key}.body`, data),
      overdue: data.overdue > 0 ? i18n.t('review_queue.mail.overdue', data) : null,
      action: i18n.t('review_queue.mail.action'),
      link: new URL(urlFor('review_queue.index'), env.get('APP_URL')).href,
    }
    this.message
      .to(this.user.email, this.user.fullName)
      .subject(i18n.t(`${key}.subject`, data))
      .htmlView('emails/review_notice', texts)
      .textView('emails/review_notice_text', texts)
  }
}
