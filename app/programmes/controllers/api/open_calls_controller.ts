import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import { listOpenCalls } from '#programmes/open_calls'
import { openCallResource } from '#programmes/transformers/call_transformer'
import {
  CATALOGUE_MESSAGES_PREFIX,
  filledIn,
  openCallsApiValidator,
} from '#programmes/validators/catalogue'

/** GET /api/v1/calls?kind=&stage=: the calls open now (public); unknown filters are a 422. */
export default class OpenCallsController {
  async handle({ request, i18n }: HttpContext) {
    const filters = await openCallsApiValidator.validate(filledIn(request.qs()), {
      messagesProvider: i18n.createMessagesProvider(CATALOGUE_MESSAGES_PREFIX),
    })
    const rows = await listOpenCalls(DateTime.utc(), filters)
    return { data: rows.map(openCallResource) }
  }
}
