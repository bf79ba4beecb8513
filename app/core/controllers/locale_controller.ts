import type { HttpContext } from '@adonisjs/core/http'
import { localeValidator } from '#core/validators/locale'
import { LOCALE_COOKIE } from '#core/middleware/detect_locale_middleware'

/**
 * POST /locale: the language switcher. Remembered in a cookie, and in the profile of
 * a signed-in person so that emails reach them in it too.
 */
export default class LocaleController {
  async update({ request, response, auth }: HttpContext) {
    const { locale } = await request.validateUsing(localeValidator)
    response.cookie(LOCALE_COOKIE, locale, { maxAge: '1y', httpOnly: true, sameSite: 'lax' })
    if (auth.user && auth.user.preferredLocale !== locale) {
      auth.user.preferredLocale = locale
      await auth.user.save()
    }
    return response.redirect().back()
  }
}
