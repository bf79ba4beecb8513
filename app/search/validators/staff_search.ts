import vine from '@vinejs/vine'
import type { I18n } from '@adonisjs/i18n'

/** Field names and messages in the reader's language (search.json, `validator`). */
export function searchMessages(i18n: I18n) {
  return i18n.createMessagesProvider('search.validator')
}

/** The staff search box: a few words or a reference, and the page. */
export const staffSearchValidator = vine.create({
  q: vine.string().trim().minLength(2).maxLength(100),
  page: vine.number().positive().withoutDecimals().max(100_000).optional(),
})
