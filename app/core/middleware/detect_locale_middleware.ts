import { I18n } from '@adonisjs/i18n'
import i18nManager from '@adonisjs/i18n/services/main'
import type { NextFn } from '@adonisjs/core/types/http'
import { type HttpContext, RequestValidator } from '@adonisjs/core/http'
import { directionOf, isLocale } from '#core/i18n/locales'

export const LOCALE_COOKIE = 'locale'

/**
 * The request's language: the one last picked in the switcher on this browser (a
 * cookie, also written to the profile of a signed-in person), else the signed-in
 * person's preference, else the browser's Accept-Language, else French. Picking Arabic
 * before logging in keeps the pages in Arabic after.
 */
export function resolveLocale(ctx: HttpContext): string {
  const chosen = ctx.request.cookie(LOCALE_COOKIE)
  if (isLocale(chosen)) return chosen
  const preferred = ctx.auth?.user?.preferredLocale
  if (isLocale(preferred)) return preferred
  return i18nManager.getSupportedLocaleFor(ctx.request.languages()) ?? i18nManager.defaultLocale
}

export function bindLocale(ctx: HttpContext, locale: string) {
  ctx.i18n = i18nManager.locale(locale)
  ctx.containerResolver.bindValue(I18n, ctx.i18n)
  if ('view' in ctx) {
    ctx.view.share({ i18n: ctx.i18n, locale, dir: directionOf(locale) })
  }
}

export default class DetectLocaleMiddleware {
  static {
    // Validation messages in the request's language.
    RequestValidator.messagesProvider = (ctx) => ctx.i18n.createMessagesProvider()
  }

  async handle(ctx: HttpContext, next: NextFn) {
    bindLocale(ctx, resolveLocale(ctx))
    ctx.response.header('Content-Language', ctx.i18n.locale)
    return next()
  }
}

declare module '@adonisjs/core/http' {
  export interface HttpContext {
    i18n: I18n
  }
}
