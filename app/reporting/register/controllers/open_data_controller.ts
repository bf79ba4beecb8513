import type { HttpContext } from '@adonisjs/core/http'
import { registerCalls } from '#reporting/register/register_pages'
import OpenDataPolicy from '#reporting/register/policies/open_data_policy'

/** `/open-data`: the public register, call by call, with each call's files and cut-off. */
export default class OpenDataController {
  async index({ view, bouncer }: HttpContext) {
    const [calls, canIssue] = await Promise.all([
      registerCalls(),
      bouncer.with(OpenDataPolicy).allows('issueRelease'),
    ])
    return view.render('pages/reporting/register/index', { calls, canIssue })
  }
}
