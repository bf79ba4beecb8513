import { BaseMail } from '@adonisjs/mail'
import i18nManager from '@adonisjs/i18n/services/main'
import { urlFor } from '@adonisjs/core/services/url_builder'
import env from '#start/env'
import { directionOf } from '#core/i18n/locales'
import { Money } from '#core/money'
import type User from '#identity/models/user'
import type Application from '#applications/models/application'

export interface DecisionNotice {
  outcome: 'awarded' | 'waitlisted' | 'rejected'
  amountCentimes: number | null
  reservePosition: number | null
}

/**
 * Tells the applicant, in their own language, that their application was decided; the
 * letter and the answer to an award are on the decision page. Texts are resolved here, in
 * the sender's process: the worker receives plain strings.
 */
export default class DecisionMail extends BaseMail {
  constructor(
    readonly user: User,
    readonly application: Pick<Application, 'id' | 'reference'>,
    readonly notice: DecisionNotice
  ) {
    super()
  }

  prepare() {
    const i18n = i18nManager.locale(this.user.preferredLocale)
    const key = `decisions.mail.${this.notice.outcome}`
    const data = {
      reference: this.application.reference ?? '',
      amount:
        this.notice.amountCentimes === null || this.notice.amountCentimes === undefined
          ? ''
          : Money.ofCentimes(this.notice.amountCentimes).format(i18n.locale),
      position: String(this.notice.reservePosition ?? ''),
    }
    const texts = {
      locale: i18n.locale,
      dir: directionOf(i18n.locale),
      heading: i18n.t(`${key}.heading`, data),
      greeting: i18n.t('mail.greeting', { name: this.user.fullName }),
      body: i18n.t(`${key}.body`, data),
      action: i18n.t('decisions.mail.action'),
      link: new URL(
        urlFor('application_decisions.show', { id: this.application.id }),
        env.get('APP_URL')
      ).href,
    }
    this.message
      .to(this.user.email, this.user.fullName)
      .subject(i18n.t(`${key}.subject`, data))
      .htmlView('emails/decision', texts)
      .textView('emails/decision_text', texts)
  }
}
