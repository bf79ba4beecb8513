import vine from '@vinejs/vine'
import type { SimplePaginatorContract } from '@adonisjs/lucid/types/querybuilder'

/** The API's lists: 50 a page unless asked, never more than 100. */
export const DEFAULT_PER_PAGE = 50
export const MAX_PER_PAGE = 100

/** `page` and `perPage` of a list's query string (a fresh schema for each validator). */
export function paginationRules() {
  return {
    page: vine.number().withoutDecimals().min(1).max(100_000).optional(),
    perPage: vine.number().withoutDecimals().min(1).max(MAX_PER_PAGE).optional(),
  }
}

/**
 * One page of a list as the API answers it: `{ data, meta, links }`, the links keeping
 * the filters and page size so that a client can follow `next` as it is.
 */
export function pageOf<Item>(
  paginator: SimplePaginatorContract<unknown>,
  data: Item[],
  path: string,
  filters: Record<string, unknown>
) {
  const query = Object.fromEntries(
    Object.entries(filters).filter(([key, value]) => value !== undefined && key !== 'page')
  )
  paginator.baseUrl(path).queryString({ ...query, perPage: paginator.perPage })
  return {
    data,
    meta: {
      total: paginator.total,
      page: paginator.currentPage,
      perPage: paginator.perPage,
      lastPage: paginator.lastPage,
    },
    links: {
      first: paginator.getUrl(1),
      last: paginator.getUrl(paginator.lastPage),
      prev: paginator.getPreviousPageUrl(),
      next: paginator.getNextPageUrl(),
    },
  }
}
