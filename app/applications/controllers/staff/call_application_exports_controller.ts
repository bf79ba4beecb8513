import type { HttpContext } from '@adonisjs/core/http'
import { Readable } from 'node:stream'
import Call from '#programmes/models/call'
import { manageProgrammes } from '#identity/abilities'
import { exportCallApplications } from '#applications/csv_export'
import { filledQueryString, staffFiltersValidator } from '#applications/validators/staff_filters'
import { actorFrom } from '#core/audit/actor'

/** The CSV of a call's applications, under the same filters as the list (audited). */
export default class CallApplicationExportsController {
  async show(ctx: HttpContext) {
    const { params, request, response, bouncer } = ctx
    await bouncer.authorize(manageProgrammes)
    const call = await Call.findOrFail(params.id)
    // Same filters as the list; its page number plays no part.
    const filters = await staffFiltersValidator.validate(filledQueryString(request.qs()))
    const { lines } = await exportCallApplications(call.id, filters, actorFrom(ctx))
    response.header('Content-Type', 'text/csv; charset=utf-8')
    response.header('Cache-Control', 'private, no-store')
    response.header('X-Content-Type-Options', 'nosniff')
    response.attachment(`applications-call-${call.id}.csv`)
    response.stream(Readable.from(lines()))
  }
}
