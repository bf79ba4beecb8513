import vine from '@vinejs/vine'
import { LOCALES } from '#core/i18n/locales'

export const localeValidator = vine.create({
  locale: vine.enum(LOCALES),
})
