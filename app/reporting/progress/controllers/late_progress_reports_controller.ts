import type { HttpContext } from '@adonisjs/core/http'
import { manageProgrammes } from '#identity/abilities'
import { lateReports } from '#reporting/progress/late_reports'

/** Programme officers: the progress reports past their due date, oldest first. */
export default class LateProgressReportsController {
  async index({ view, bouncer }: HttpContext) {
    await bouncer.authorize(manageProgrammes)
    const { rows, more } = await lateReports()
    return view.render('pages/reporting/progress/late', { rows, more })
  }
}
