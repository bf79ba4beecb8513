import type { HttpContext } from '@adonisjs/core/http'
import { SimplePaginator } from '@adonisjs/lucid/database'
import { manageProgrammes, manageUsers, searchStaff as maySearch } from '#identity/abilities'
import { SEARCH_PAGE_SIZE, searchScopeOf, searchStaff } from '#app/search/staff_search'
import { searchMessages, staffSearchValidator } from '#app/search/validators/staff_search'

/** Staff search across applications, organisations and people (`/staff/search?q=`). */
export default class StaffSearchController {
  async index({ view, request, response, bouncer, auth, i18n }: HttpContext) {
    await bouncer.authorize(maySearch)
    const scope = searchScopeOf(auth.getUserOrFail())!
    // Which results link to their page: only those the reader may open there.
    const admin = await bouncer.allows(manageUsers)
    const opens = {
      applications: await bouncer.allows(manageProgrammes),
      organizations: admin,
      people: admin,
    }
    view.share({ scope, opens })
    const typed = request.qs().q
    if (typed === undefined || typed === '') return view.render('pages/search/index', { q: '' })

    const [error, input] = await staffSearchValidator.tryValidate(request.qs(), {
      messagesProvider: searchMessages(i18n),
    })
    if (error) {
      response.status(422)
      return view.render('pages/search/index', {
        q: String(typed),
        problems: error.messages.map((problem: { message: string }) => problem.message),
      })
    }

    const page = input.page ?? 1
    const results = await searchStaff(input.q, scope, page)
    // One pager for the three groups: as many pages as the largest group needs.
    const largest = Math.max(
      results.applications.total,
      results.organizations.total,
      results.people.total
    )
    const pages = new SimplePaginator(largest, SEARCH_PAGE_SIZE, page)
    pages.baseUrl(request.url()).queryString({ q: input.q })
    return view.render('pages/search/index', { q: input.q, results, pages })
  }
}
