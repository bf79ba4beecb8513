import { BaseMail } from '@adonisjs/mail'
import type { I18n } from '@adonisjs/i18n'
import i18nManager from '@adonisjs/i18n/services/main'
import env from '#start/env'
import { directionOf } from '#core/i18n/locales'
import type User from '#identity/models/user'

/** What a localized mail says, resolved in its recipient's language. */
export interface LocalizedMailContent {
  /** The i18n key group holding the `subject`, `heading` and `body` texts. */
  key: string
  /** The placeholders of the subject, heading and body. */
  data?: Record<string, string | number>
  /** The call to action, already translated. */
  action: string
  /** The portal path the action links to (from urlFor); made absolute with APP_URL. */
  path: string
  /** Views `emails/<view>` (HTML) and `emails/<view>_text` (plain text). */
  view: string
  /** What else the views show, already translated. */
  texts?: Record<string, string | null>
}

/**
 * A mail to one user in their preferred locale: subject, heading, greeting by name, body
 * and one link back into the portal. Texts are resolved here, in the sender's process:
 * the compiled message travels to the worker as JSON, so the views receive plain strings.
 */
export default abstract class LocalizedMail extends BaseMail {
  constructor(readonly user: User) {
    super()
  }

  /** The content, given the recipient's i18n. */
  protected abstract compose(i18n: I18n): LocalizedMailContent

  prepare() {
    const i18n = i18nManager.locale(this.user.preferredLocale)
    const { key, data = {}, action, path, view, texts } = this.compose(i18n)
    const viewData = {
      locale: i18n.locale,
      dir: directionOf(i18n.locale),
      heading: i18n.t(`${key}.heading`, data),
      greeting: i18n.t('mail.greeting', { name: this.user.fullName }),
      body: i18n.t(`${key}.body`, data),
      action,
      link: new URL(path, env.get('APP_URL')).href,
      ...texts,
    }
    this.message
      .to(this.user.email, this.user.fullName)
      .subject(i18n.t(`${key}.subject`, data))
      .htmlView(`emails/${view}`, viewData)
      .textView(`emails/${view}_text`, viewData)
  }
}
