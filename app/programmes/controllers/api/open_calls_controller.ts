import type { HttpContext } from '@adonisjs/core/http'
import { listOpenCalls } from '#programmes/open_calls'
import { openCallResource } from '#programmes/transformers/call_transformer'

/** GET /api/v1/calls: the calls open now (public). */
export default class OpenCallsController {
  async handle(_ctx: HttpContext) {
    const rows = await listOpenCalls()
    return { data: rows.map(openCallResource) }
  }
}
