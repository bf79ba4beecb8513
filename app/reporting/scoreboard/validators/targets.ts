import vine from '@vinejs/vine'
import type { I18n } from '@adonisjs/i18n'
import { INDICATOR_KEYS } from '#reporting/scoreboard/indicators'
import { MOROCCAN_REGIONS } from '#identity/validators/organization'

/** Field names and messages in the reader's language (scoreboard.json, `validator`). */
export function scoreboardMessages(i18n: I18n) {
  return i18n.createMessagesProvider('scoreboard.validator')
}

/** A new target: the value is read in the indicator's unit by the action. */
export const newTargetValidator = vine.create(
  vine.object({
    indicator: vine.enum(INDICATOR_KEYS),
    year: vine.number().withoutDecimals().range([2024, 2050]),
    region: vine.enum(MOROCCAN_REGIONS).optional(),
    targetValue: vine.string().trim().minLength(1).maxLength(32),
    isDemo: vine.boolean().optional(),
  })
)

/** A target's new value (its indicator, year and region stay). */
export const targetUpdateValidator = vine.create(
  vine.object({
    targetValue: vine.string().trim().minLength(1).maxLength(32),
    isDemo: vine.boolean().optional(),
  })
)

/** The scoreboard's region filter. */
export const scoreboardFilterValidator = vine.create(
  vine.object({
    region: vine.enum(MOROCCAN_REGIONS).optional(),
  })
)
