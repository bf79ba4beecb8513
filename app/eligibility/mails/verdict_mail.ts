import type { I18n } from '@adonisjs/i18n'
import { urlFor } from '@adonisjs/core/services/url_builder'
import LocalizedMail from '#core/mail/localized_mail'
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

/** Tells the applicant, in their own language, what became of their eligibility verdict. */
export default class VerdictMail extends LocalizedMail {
  constructor(
    user: User,
    readonly application: Pick<Application, 'id' | 'reference'>,
    readonly notice: VerdictNotice
  ) {
    super(user)
  }

  protected compose(i18n: I18n) {
    return {
      key: `appeals.mail.${this.notice.kind}`,
      data: {
        reference: this.application.reference ?? '',
        outcome: 'outcome' in this.notice ? this.notice.outcome : '',
      },
      action: i18n.t('appeals.mail.action'),
      path: urlFor('applications.show', { id: this.application.id }),
      view: 'verdict',
      texts: {
        reasonLabel: i18n.t('appeals.mail.reason'),
        reason: 'reason' in this.notice ? this.notice.reason : null,
      },
    }
  }
}
