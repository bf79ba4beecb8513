import { BaseMail } from '@adonisjs/mail'
import i18nManager from '@adonisjs/i18n/services/main'
import { urlFor } from '@adonisjs/core/services/url_builder'
import env from '#start/env'
import { directionOf } from '#core/i18n/locales'
import type User from '#identity/models/user'
import type Application from '#applications/models/application'

/** What happened to the verdict: the applicant's appeal arrived, was decided, or an officer overrode it. */
export type VerdictNotice =
  | { kind: 'appeal_received' }
  | {
      kind: 'appeal_decided' | 'verdict_overridden'
      outcome: 'eligible' | 'ineligible'
      reason: string
    }

/**
 * Tells the applicant, in their own language, what became of their eligibility verdict.
 * Texts are resolved here, in the sender's process: the worker receives plain strings.
 */
export default class VerdictMail extends BaseMail {
  constructor(
    readonly user: User,
    readonly application: Pick<Application, 'id' | 'reference'>,
    readonly notice: VerdictNotice
  ) {
    super()
  }

  prepare() {
    const i18n = i18nManager.locale(this.user.preferredLocale)
    const key = `appeals.mail.${this.notice.kind}`
    const data = {
      reference: this.application.reference ?? '',
      outcome: 'outcome' in this.notice ? this.notice.outcome : '',
    }
    const texts = {
      locale: i18n.locale,
      dir: directionOf(i18n.locale),
      heading: i18n.t(`${key}.heading`, data),
      greeting: i18n.t('mail.greeting', { name: this.user.fullName }),
      body: i18n.t(`${key}.body`, data),
      reasonLabel: i18n.t('appeals.mail.reason'),
      reason: 'reason' in this.notice ? this.notice.reason : null,
      action: i18n.t('appeals.mail.action'),
      link: new URL(urlFor('applications.show', { id: this.application.id }), env.get('APP_URL'))
        .href,
    }
    this.message
      .to(this.user.email, this.user.fullName)
      .subject(i18n.t(`${key}.subject`, data))
      .htmlView('emails/verdict', texts)
      .textView('emails/verdict_text', texts)
  }
}
