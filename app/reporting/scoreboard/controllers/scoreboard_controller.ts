import type { HttpContext } from '@adonisjs/core/http'
import { scoreboardPage } from '#reporting/scoreboard/scoreboard_page'

/**
 * The public Digital Morocco 2030 scoreboard (`/scoreboard`, no sign-in): national
 * aggregates and targets, and a regional table where fewer than 5 people show as "< 5".
 */
export default class ScoreboardController {
  async show({ view, i18n }: HttpContext) {
    const page = await scoreboardPage(null, 'public', i18n.locale)
    return view.render('pages/reporting/scoreboard/show', { ...page, audience: 'public' })
  }
}
