import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import router from '@adonisjs/core/services/router'
import type User from '#identity/models/user'
import { captureMail, isolateEachTest } from '#tests/helpers/http'
import { tokenAfterSecondFactor } from '#tests/helpers/assurance'
import { storedFingerprint, tablesToWatch } from '#tests/helpers/stored_fingerprint'
import {
  buildAuthorizationWorld,
  OUTSIDER_ROLES,
  type Actor,
  type Relative,
  type World,
} from '#tests/helpers/authorization_world'
import { ROUTE_ACCESS, type ParamValue, type RouteAccess } from '#tests/helpers/route_access'

/**
 * The authorization matrix of DESIGN §10 and ASVS 8.2.1/8.2.2: every route of the router
 * × every actor. A NEW ROUTE MAKES THIS TEST FAIL until it has its line in
 * tests/helpers/route_access.ts (who may use it, and which records its ids point to; the
 * file's header says how). Then, for every route:
 * - anonymous: a redirect to /login (pages) or 401 (API);
 * - every actor not allowed (the other roles, another applicant on someone's record, a
 *   reviewer not assigned, the coordinator of another institute, a non-chair member…):
 *   403 or 404, never 2xx/3xx/5xx, and nothing written (a fingerprint of every table);
 * - every actor allowed: a GET is neither refused nor a 5xx (the fixture is right).
 */

interface RouterRoute {
  name: string
  pattern: string
  methods: string[]
}

function routerRoutes(): RouterRoute[] {
  return Object.values(router.toJSON())
    .flat()
    .map((route) => ({
      name: route.name ?? `${route.methods.join('|')} ${route.pattern}`,
      pattern: route.pattern,
      methods: route.methods.filter((method) => method !== 'HEAD' && method !== 'OPTIONS'),
    }))
}

const NON_ID_PLACEHOLDER = 'unknown-value'

/** The URL of a route, its params filled from the world; the records they point to. */
function urlOf(route: RouterRoute, params: Record<string, ParamValue> | undefined, world: World) {
  const relatives: Partial<Record<Relative, User>> = {}
  const url = route.pattern.replace(/:(\w+)/g, (_, name: string) => {
    const param = params?.[name]
    if (param === undefined) {
      if (['token', 'code'].includes(name)) return NON_ID_PLACEHOLDER
      throw new Error(`${route.name}: no value for :${name} in route_access.ts`)
    }
    if (typeof param === 'object') return param.value
    const record = world.records.get(param)
    if (!record) throw new Error(`${route.name}: no record "${param}" in the world`)
    Object.assign(relatives, record.relatives)
    return String(record.id)
  })
  return { url, relatives }
}

type Outcome = { status: number; location: string; text: string }

test.group('Authorization matrix', (group) => {
  isolateEachTest(group)

  test('every route of the router is classified in route_access.ts', ({ assert }) => {
    const names = routerRoutes().map((route) => route.name)
    const missing = names.filter((name) => !(name in ROUTE_ACCESS))
    const stale = Object.keys(ROUTE_ACCESS).filter((name) => !names.includes(name))
    assert.deepEqual(
      missing,
      [],
      `Routes without a line in tests/helpers/route_access.ts (say who may use them):\n  ${missing.join('\n  ')}\n`
    )
    assert.deepEqual(stale, [], `Lines of route_access.ts for routes that no longer exist`)
  })

  test('every actor not allowed is refused and writes nothing; allowed ones get through', async ({
    client,
    assert,
  }) => {
    captureMail()
    const world = await buildAuthorizationWorld()
    const tables = await tablesToWatch()
    const tokens = new Map<User, string>()
    const failures: string[] = []
    let requests = 0

    async function send(
      route: RouterRoute,
      method: string,
      url: string,
      user: User | null,
      body?: Record<string, unknown>
    ): Promise<Outcome> {
      const request = (client as ApiClient).request(url, method as any).redirects(0)
      if (route.pattern.startsWith('/api/')) {
        if (user) {
          if (!tokens.has(user)) tokens.set(user, await tokenAfterSecondFactor(user))
          request.bearerToken(tokens.get(user)!)
        }
      } else {
        request.withCsrfToken()
        if (user) request.loginAs(user).header('accept', 'application/json')
        else request.header('accept', 'text/html')
      }
      if (method !== 'GET') request.json(body ?? {})
      const response = await request
      requests++
      return {
        status: response.status(),
        location: response.header('location') ?? '',
        text: (response.text() ?? '').slice(0, 200),
      }
    }

    const refusedAnonymously = (route: RouterRoute, outcome: Outcome) =>
      route.pattern.startsWith('/api/')
        ? outcome.status === 401
        : [302, 303].includes(outcome.status) && outcome.location.includes('/login')

    for (const route of routerRoutes()) {
      const access: RouteAccess | undefined = ROUTE_ACCESS[route.name]
      if (!access || route.pattern.endsWith('*')) continue
      let located: ReturnType<typeof urlOf>
      try {
        located = urlOf(route, 'params' in access ? access.params : undefined, world)
      } catch (error) {
        failures.push((error as Error).message)
        continue
      }
      const { url, relatives } = located

      for (const method of route.methods) {
        const where = `${route.name} (${method} ${url})`

        if (access.kind === 'public') {
          if (method !== 'GET') continue
          const outcome = await send(route, method, url, null)
          if (
            outcome.status >= 500 ||
            [401, 403].includes(outcome.status) ||
            refusedAnonymously(route, outcome)
          ) {
            failures.push(`${where} public, refused anonymously: ${outcome.status}`)
          }
          continue
        }

        // Refusals first, all at once: nothing may have been written after them.
        const before = await storedFingerprint(tables)
        const refusals: Array<[Actor, User | null]> = [['anonymous', null]]
        if (access.kind !== 'signedIn') {
          for (const role of OUTSIDER_ROLES) {
            if (!access.allow.includes(role)) refusals.push([role, world.outsiders.get(role)!])
          }
          for (const [relative, user] of Object.entries(relatives)) {
            if (!access.allow.includes(relative as Relative)) {
              refusals.push([relative as Relative, user])
            }
          }
          for (const allowed of access.allow) {
            if (!OUTSIDER_ROLES.includes(allowed as any) && !(allowed in relatives)) {
              failures.push(`${where} allows "${allowed}", who is not related to its records`)
            }
          }
        }
        const body = 'body' in access ? access.body : undefined
        const outcomes = await Promise.all(
          refusals.map(([, user]) => send(route, method, url, user, body))
        )
        for (const [index, [actor]] of refusals.entries()) {
          const outcome = outcomes[index]
          const refused =
            actor === 'anonymous'
              ? refusedAnonymously(route, outcome)
              : [403, 404].includes(outcome.status)
          if (!refused) {
            failures.push(
              `${where} as ${actor}: ${outcome.status} ${outcome.location} ${outcome.text}`
            )
          }
        }
        const after = await storedFingerprint(tables)
        const written = Object.keys(after).filter((table) => after[table] !== before[table])
        if (written.length) failures.push(`${where} refusals wrote to ${written.join(', ')}`)

        // The allowed actors' GETs are not refused: the fixture really grants them.
        if (method !== 'GET') continue
        const allowed: Array<[string, User]> =
          access.kind === 'signedIn'
            ? [['applicant', world.outsiders.get('applicant')!]]
            : access.checkAllowed === false
              ? []
              : access.allow.flatMap((actor): Array<[string, User]> => {
                  const user =
                    world.outsiders.get(actor as (typeof OUTSIDER_ROLES)[number]) ??
                    relatives[actor as Relative]
                  return user ? [[actor, user]] : []
                })
        for (const [actor, user] of allowed) {
          const outcome = await send(route, method, url, user)
          if (outcome.status >= 500 || [401, 403, 404].includes(outcome.status)) {
            failures.push(
              `${where} as ${actor} (allowed): ${outcome.status} ${outcome.location} ${outcome.text}`
            )
          }
        }
      }
    }

    assert.deepEqual(failures, [], `\n${failures.join('\n')}\n`)
    assert.isAbove(requests, 1000)
  }).timeout(180_000)
})
