import type { I18n } from '@adonisjs/i18n'
import { urlFor } from '@adonisjs/core/services/url_builder'
import LocalizedMail from '#core/mail/localized_mail'
import { localize } from '#core/i18n/localized_text'
import { formatCasablanca } from '#core/casablanca_time'
import type User from '#identity/models/user'
import type Enrolment from '#training/models/enrolment'

/** What happened to the enrolment: a freed seat came to them, or the merit selection's outcome. */
export type EnrolmentNotice = 'promoted' | 'selected' | 'waitlisted'

/**
 * Tells a trainee, in their language, that they have a seat (or a place on the waitlist).
 * The enrolment comes with its cohort and course loaded.
 */
export default class EnrolmentMail extends LocalizedMail {
  constructor(
    trainee: User,
    readonly enrolment: Enrolment,
    readonly notice: EnrolmentNotice
  ) {
    super(trainee)
  }

  protected compose(i18n: I18n) {
    const cohort = this.enrolment.cohort
    return {
      key: `enrolments.mail.${this.notice}`,
      data: {
        course: localize(cohort.course.title, i18n.locale),
        starts: formatCasablanca(cohort.startsOn, i18n.locale, 'date'),
        position: this.enrolment.waitlistPosition ?? '',
      },
      action: i18n.t('enrolments.mail.action'),
      path: urlFor('enrolments.index'),
      view: 'enrolment',
    }
  }
}
