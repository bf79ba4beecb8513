import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import { DashboardSummary } from '#identity/dashboard_summary'

/** The signed-in landing page: what each of the person's roles needs first. */
@inject()
export default class DashboardController {
  constructor(private summary: DashboardSummary) {}

  async handle({ view, auth }: HttpContext) {
    const user = auth.getUserOrFail()
    return view.render('pages/identity/dashboard', { summary: await this.summary.for(user) })
  }
}
