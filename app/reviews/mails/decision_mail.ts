import type { I18n } from '@adonisjs/i18n'
import { urlFor } from '@adonisjs/core/services/url_builder'
import LocalizedMail from '#core/mail/localized_mail'
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
 * letter and the answer to an award are on the decision page.
 */
export default class DecisionMail extends LocalizedMail {
  constructor(
    user: User,
    readonly application: Pick<Application, 'id' | 'reference'>,
    readonly notice: DecisionNotice
  ) {
    super(user)
  }

  protected compose(i18n: I18n) {
    return {
      key: `decisions.mail.${this.notice.outcome}`,
      data: {
        reference: this.application.reference ?? '',
        amount:
          this.notice.amountCentimes === null || this.notice.amountCentimes === undefined
            ? ''
            : Money.ofCentimes(this.notice.amountCentimes).format(i18n.locale),
        position: String(this.notice.reservePosition ?? ''),
      },
      action: i18n.t('decisions.mail.action'),
      path: urlFor('application_decisions.show', { id: this.application.id }),
      view: 'decision',
    }
  }
}
