import type { I18n } from '@adonisjs/i18n'
import mail from '@adonisjs/mail/services/main'
import { urlFor } from '@adonisjs/core/services/url_builder'
import env from '#start/env'
import LocalizedMail from '#core/mail/localized_mail'
import { localize } from '#core/i18n/localized_text'
import type User from '#identity/models/user'
import Enrolment from '#training/models/enrolment'
import { groupCode } from '#training/certificate_codes'

/**
 * Tells a trainee, in their language, that their cohort closed and their certificate is
 * issued: the link to download it, its verification code and the public page that checks
 * it. The enrolment comes with its cohort's course and its certificate loaded.
 */
export default class CertificateMail extends LocalizedMail {
  constructor(
    trainee: User,
    readonly enrolment: Enrolment
  ) {
    super(trainee)
  }

  protected compose(i18n: I18n) {
    const code = this.enrolment.certificate.code
    return {
      key: 'enrolments.mail.certified',
      data: {
        course: localize(this.enrolment.cohort.course.title, i18n.locale),
        code: groupCode(code),
        verify: new URL(urlFor('verify.show', { code }), env.get('APP_URL')).href,
      },
      action: i18n.t('enrolments.mail.certified.action'),
      path: urlFor('enrolment_certificate', { id: this.enrolment.id }),
      view: 'enrolment',
    }
  }
}

/** Queues one mail per enrolment just certified (after the commit that certified them). */
export async function notifyCertified(enrolmentIds: number[]) {
  if (enrolmentIds.length === 0) return
  const enrolments = await Enrolment.query()
    .whereIn('id', enrolmentIds)
    .preload('trainee')
    .preload('certificate')
    .preload('cohort', (cohort) => cohort.preload('course'))
  for (const enrolment of enrolments) {
    await mail.sendLater(new CertificateMail(enrolment.trainee, enrolment))
  }
}
