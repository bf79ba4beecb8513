import type { HttpContext } from '@adonisjs/core/http'
import { viewScoreboardDetail } from '#identity/abilities'
import { MOROCCAN_REGIONS } from '#identity/validators/organization'
import { scoreboardPage } from '#reporting/scoreboard/scoreboard_page'
import {
  scoreboardFilterValidator,
  scoreboardMessages,
} from '#reporting/scoreboard/validators/targets'

/**
 * The scoreboard with its regional detail, unsuppressed (the ministry, officers, admins):
 * the country or one region, with that region's own targets. Aggregates only.
 */
export default class StaffScoreboardController {
  async show({ view, i18n, request, bouncer }: HttpContext) {
    await bouncer.authorize(viewScoreboardDetail)
    const { region } = await scoreboardFilterValidator.validate(request.qs(), {
      messagesProvider: scoreboardMessages(i18n),
    })
    const page = await scoreboardPage(region ?? null, 'staff', i18n.locale)
    return view.render('pages/reporting/scoreboard/show', {
      ...page,
      audience: 'staff',
      region: region ?? null,
      regionOptions: MOROCCAN_REGIONS,
    })
  }
}
