import type { I18n } from '@adonisjs/i18n'
import { signedUrlFor } from '@adonisjs/core/services/url_builder'
import LocalizedMail from '#core/mail/localized_mail'
import { exportLinkDays } from '#config/retention'
import type User from '#identity/models/user'
import type DataRequest from '#privacy/models/data_request'

/**
 * Tells a person their data export is ready: a signed link that expires with the file
 * (the download also requires being signed in as that person).
 */
export default class DataExportMail extends LocalizedMail {
  constructor(
    user: User,
    readonly request: DataRequest
  ) {
    super(user)
  }

  protected compose(i18n: I18n) {
    const key = 'privacy.mail.export_ready'
    return {
      key,
      data: { days: exportLinkDays },
      action: i18n.t(`${key}.action`),
      path: signedUrlFor(
        'privacy_exports.show',
        { id: this.request.id },
        { expiresIn: `${exportLinkDays} days`, purpose: 'data_export' }
      ),
      view: 'account',
      texts: {
        expiry: i18n.t(`${key}.expiry`, { days: exportLinkDays }),
        ignore: i18n.t('mail.ignore'),
      },
    }
  }
}
