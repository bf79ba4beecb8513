import router from '@adonisjs/core/services/router'

/** The largest PostgreSQL `integer`: every id column in a URL is an int4 `increments`. */
export const INT4_MAX = 2_147_483_647

/**
 * Digits only, no leading zero, 1 to INT4_MAX (nine digits, or ten digits below
 * 2147483647 spelled out digit by digit): "12" matches; "0", "-1", "0x10", "1e309",
 * "12.0" and 99999999999 do not, so the route does not match and the request is a 404
 * rather than a database error.
 */
export const ID_PATTERN =
  /^(?:[1-9]\d{0,8}|1\d{9}|20\d{8}|21[0-3]\d{7}|214[0-6]\d{6}|2147[0-3]\d{5}|21474[0-7]\d{4}|214748[0-2]\d{3}|2147483[0-5]\d{2}|21474836[0-3]\d|214748364[0-7])$/

/** Route params that hold a record id, each matched by ID_PATTERN and cast to a number. */
export const ID_PARAMS = [
  'id',
  'programmeId',
  'trancheId',
  'memberId',
  'documentId',
  'item_id',
  'position',
]

/**
 * An id followed by its file's extension, as in `/open-data/releases/:release.json`: the
 * router tests a param's matcher on the whole segment, extension included, then casts
 * the segment without it. The id part is ID_PATTERN's.
 */
export const ID_FILE_PATTERN = new RegExp(`${ID_PATTERN.source.slice(0, -1)}\\.(?:json|csv)$`)

/** Route params that hold a record id followed by a file extension. */
export const ID_FILE_PARAMS = ['release']

/**
 * Registered once, before any route: applies to every route of every domain. A
 * route-level `.where()` would replace it (as `router.matchers.number()` did, which
 * lets 99999999999 through): the route walk test checks no route does.
 */
export function matchIdParams() {
  for (const param of ID_PARAMS) {
    router.where(param, { match: ID_PATTERN, cast: Number })
  }
  for (const param of ID_FILE_PARAMS) {
    router.where(param, { match: ID_FILE_PATTERN, cast: Number })
  }
}

/** The methods a URL is routed for, when it is routed for some (405 rather than 404). */
export function allowedMethods(url: string, catchAll: (pattern: string) => boolean) {
  return ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((method) => {
    const matched = router.match(url, method, false)
    return matched !== null && !catchAll(matched.route.pattern)
  })
}
