import { BaseMail } from '@adonisjs/mail'
import i18nManager from '@adonisjs/i18n/services/main'
import { urlFor } from '@adonisjs/core/services/url_builder'
import env from '#start/env'
import { directionOf } from '#core/i18n/locales'
import { localize } from '#core/i18n/localized_text'
import { formatCasablanca } from '#core/casablanca_time'
import type User from '#identity/models/user'
import type Enrolment from '#training/models/enrolment'

/** What happened to the enrolment: a freed seat came to them, or the merit selection's outcome. */
export type EnrolmentNotice = 'promoted' | 'selected' | 'waitlisted'

/**
 * Tells a trainee, in their language, that they have a seat (or a place on the waitlist).
 * The enrolment comes with its cohort and course loaded; texts are resolved here, so the
 * worker only sends plain strings.
 */
export default class EnrolmentMail extends BaseMail {
  constructor(
    readonly trainee: User,
    readonly enrolment: Enrolment,
    readonly notice: EnrolmentNotice
  ) {
    super()
  }

  prepare() {
    const i18n = i18nManager.locale(this.trainee.preferredLocale)
    const cohort = this.enrolment.cohort
    const data = {
      course: localize(cohort.course.title, i18n.locale),
      starts: formatCasablanca(cohort.startsOn, i18n.locale, 'date'),
      position: this.enrolment.waitlistPosition ?? '',
    }
    const key = `enrolments.mail.${this.notice}`
    const texts = {
      locale: i18n.locale,
      dir: directionOf(i18n.locale),
      heading: i18n.t(`${key}.heading`, data),
      greeting: i18n.t('mail.greeting', { name: this.trainee.fullName }),
      body: i18n.t(`${key}.body`, data),
      action: i18n.t('enrolments.mail.action'),
      link: new URL(urlFor('enrolments.index'), env.get('APP_URL')).href,
    }
    this.message
      .to(this.trainee.email, this.trainee.fullName)
      .subject(i18n.t(`${key}.subject`, data))
      .htmlView('emails/enrolment', texts)
      .textView('emails/enrolment_text', texts)
  }
}
