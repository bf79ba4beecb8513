import type { HttpContext } from '@adonisjs/core/http'
import { localeValidator } from '#core/validators/locale'
import { LOCALE_COOKIE } from '#core/middleware/detect_locale_middleware'
import { siteHosts, sameOriginPath } from '#core/same_origin_path'

/**
 * POST /locale: the language switcher. Remembered in a cookie, and in the profile of
 * a signed-in person so that emails reach them in it too. Then back to the page the
 * person was on, never to another site (the Referer is whatever the client says).
 */
export default class LocaleController {
  async update({ request, response, auth }: HttpContext) {
    const { locale } = await request.validateUsing(localeValidator)
    response.cookie(LOCALE_COOKIE, locale, { maxAge: '1y', httpOnly: true, sameSite: 'lax' })
    if (auth.user && auth.user.preferredLocale !== locale) {
      auth.user.preferredLocale = locale
      await auth.user.save()
    }
    return response.redirect(sameOriginPath(request.header('referer'), siteHosts(request)))
  }
}
