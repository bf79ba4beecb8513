import type { HttpContext } from '@adonisjs/core/http'
import { pageOfOpenCalls, type OpenCallRow } from '#programmes/open_calls'
import { openCallResource } from '#programmes/transformers/call_transformer'
import {
  CATALOGUE_MESSAGES_PREFIX,
  filledIn,
  openCallsApiValidator,
} from '#programmes/validators/catalogue'
import { DEFAULT_PER_PAGE, pageOf } from '#core/pagination'

/** GET /api/v1/calls?kind=&stage=&page=&perPage=: the calls open now (public); bad filters are a 422. */
export default class OpenCallsController {
  async handle({ request, i18n }: HttpContext) {
    const filters = await openCallsApiValidator.validate(filledIn(request.qs()), {
      messagesProvider: i18n.createMessagesProvider(CATALOGUE_MESSAGES_PREFIX),
    })
    const page = await pageOfOpenCalls(
      filters,
      filters.page ?? 1,
      filters.perPage ?? DEFAULT_PER_PAGE
    )
    const rows = page.all() as OpenCallRow[]
    return pageOf(page, rows.map(openCallResource), request.url(), filters)
  }
}
