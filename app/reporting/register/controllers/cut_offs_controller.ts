import type { HttpContext } from '@adonisjs/core/http'
import { errors } from '@adonisjs/core/http'
import { cutOffOf } from '#reporting/register/register_pages'

/** `/open-data/calls/:id/cut-off`: how the call's line was drawn, once decisions are published. */
export default class CutOffsController {
  async show({ params, view, request }: HttpContext) {
    const cutOff = await cutOffOf(params.id)
    if (!cutOff) throw new errors.E_ROUTE_NOT_FOUND([request.method(), request.url()])
    return view.render('pages/reporting/register/cut_off', { cutOff })
  }
}
