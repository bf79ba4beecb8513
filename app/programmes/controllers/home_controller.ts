import type { HttpContext } from '@adonisjs/core/http'
import { listOpenCalls } from '#programmes/open_calls'

/** The portal's front page: the four programmes and the calls open now. */
export default class HomeController {
  async handle({ view }: HttpContext) {
    return view.render('pages/home', { openCalls: await listOpenCalls() })
  }
}
