import vine from '@vinejs/vine'
import type { I18n } from '@adonisjs/i18n'
import { madAmount } from '#programmes/validators/rules'
import { REVENUE_BANDS } from '#reporting/progress/progress_schedule'

/** Field names and messages in the reader's language (progress.json, `validator`). */
export function progressMessages(i18n: I18n) {
  return i18n.createMessagesProvider('progress.validator')
}

/**
 * One period's indicators. The period must be one of the agreement's started periods
 * (the action checks it); the women in the team are part of the team.
 */
export const progressReportValidator = vine.create(
  vine.object({
    periodStart: vine.date({ formats: ['YYYY-MM-DD'] }),
    jobsCreated: vine.number().withoutDecimals().range([0, 100_000]),
    revenueBand: vine.enum(REVENUE_BANDS),
    fundsRaised: madAmount(),
    teamSize: vine.number().withoutDecimals().range([1, 100_000]),
    womenInTeam: vine
      .number()
      .withoutDecimals()
      .min(0)
      .use(
        vine.createRule((value, _options, field) => {
          const team = Number(field.parent?.teamSize)
          if (typeof value === 'number' && Number.isFinite(team) && value > team) {
            field.report('The {{ field }} field cannot exceed the team size', 'withinTeam', field)
          }
        })()
      ),
  })
)
