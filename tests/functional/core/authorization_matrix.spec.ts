import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import router from '@adonisjs/core/services/router'
import { signedUrlFor } from '@adonisjs/core/services/url_builder'
import db from '@adonisjs/lucid/services/db'
import User from '#identity/models/user'
import { captureMail, isolateEachTest } from '#tests/helpers/http'
import { assuranceOf, tokenAfterSecondFactor } from '#tests/helpers/assurance'
import { storedFingerprint, tablesToWatch } from '#tests/helpers/stored_fingerprint'
import {
  buildAuthorizationWorld,
  OUTSIDER_ROLES,
  type Actor,
  type Relative,
  type World,
} from '#tests/helpers/authorization_world'
import {
  ROUTE_ACCESS,
  type ParamValue,
  type RestrictedAccess,
  type RouteAccess,
} from '#tests/helpers/route_access'

/**
 * The authorization matrix of DESIGN §10 (ASVS 8.2.1, 8.2.2): every route of the router
 * × every actor. A NEW ROUTE MAKES THIS TEST FAIL until it has its line in
 * tests/helpers/route_access.ts, saying who may use it and which records of the world its
 * ids point to (the file's header explains the format). Then, for every route:
 * - anonymous: a redirect to /login (pages) or 401 (API);
 * - every actor not allowed (the other roles; another applicant, trainee or beneficiary
 *   on someone's record; a reviewer not assigned; a coordinator of another institute; a
 *   committee member who is not the chair…): 403 or 404, never anything else, and nothing
 *   written (a fingerprint of every table before and after);
 * - an inner id of another parent (`foreign`): 403/404 even for the allowed actors;
 * - the allowed staff, signed in with their password only: 403 E_SECOND_FACTOR_REQUIRED;
 * - every actor allowed: neither 401/403/404 nor 5xx (so the fixture really grants
 *   them); their requests run in a savepoint rolled back afterwards, writes included.
 * Requests are JSON for signed-in actors (statuses, not pages), HTML for anonymous ones.
 */

interface RouterRoute {
  name: string
  pattern: string
  methods: string[]
}

type Outcome = { status: number; location: string; text: string }

function routerRoutes(): RouterRoute[] {
  return Object.values(router.toJSON())
    .flat()
    .map((route) => ({
      name: route.name ?? `${route.methods.join('|')} ${route.pattern}`,
      pattern: route.pattern,
      methods: route.methods.filter((method) => method !== 'HEAD' && method !== 'OPTIONS'),
    }))
}

const isApi = (route: RouterRoute) => route.pattern.startsWith('/api/')

/** Params no record has (`:token`, `:code`) when the table gives none. */
const UNKNOWN_VALUE = 'unknown-value'

/** The URL of a route, its params filled from the world; who its records belong to. */
function locate(
  route: RouterRoute,
  params: Record<string, ParamValue> | undefined,
  world: World,
  signedFor?: string
) {
  const relatives: Partial<Record<Relative, User>> = {}
  const values: Record<string, string> = {}
  for (const [, name] of route.pattern.matchAll(/:(\w+)/g)) {
    const param = params?.[name]
    if (param === undefined) {
      if (!['token', 'code'].includes(name)) {
        throw new Error(`${route.name}: route_access.ts gives no value for :${name}`)
      }
      values[name] = UNKNOWN_VALUE
    } else if (typeof param === 'object') {
      values[name] = param.value
    } else {
      const record = world.records.get(param)
      if (!record) throw new Error(`${route.name}: no record "${param}" in the world`)
      Object.assign(relatives, record.relatives)
      values[name] = String(record.id)
    }
  }
  const url = signedFor
    ? signedUrlFor(route.name as any, values as any, { purpose: signedFor })
    : route.pattern.replace(/:(\w+)/g, (_, name: string) => values[name])
  return { url, relatives }
}

/**
 * Runs `work` (requests served by this process) in a savepoint of the test's global
 * transaction, rolled back afterwards: an allowed actor's POST really runs, and leaves
 * the world as it was for the next route.
 */
async function rolledBack<T>(work: () => Promise<T>) {
  const connection = db.primaryConnectionName
  const outer = db.connectionGlobalTransactions.get(connection)!
  const savepoint = await outer.transaction()
  db.connectionGlobalTransactions.set(connection, savepoint)
  try {
    return await work()
  } finally {
    db.connectionGlobalTransactions.set(connection, outer)
    await savepoint.rollback()
  }
}

function changedTables(before: Record<string, string>, after: Record<string, string>) {
  return Object.keys(after).filter((table) => after[table] !== before[table])
}

test.group('Authorization matrix', (group) => {
  isolateEachTest(group)

  test('every route of the router has its line in route_access.ts', ({ assert }) => {
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

  test('whoever is not allowed is refused and writes nothing; whoever is allowed gets through', async ({
    client,
    assert,
  }) => {
    captureMail()
    const world = await buildAuthorizationWorld()
    const tables = await tablesToWatch()
    // Bearer tokens made once, outside the savepoints that are rolled back.
    const tokens = new Map<number, string>()
    const people = [
      ...world.outsiders.values(),
      ...[...world.records.values()].flatMap((record) => Object.values(record.relatives)),
    ]
    for (const person of people) {
      if (!tokens.has(person.id)) tokens.set(person.id, await tokenAfterSecondFactor(person))
    }
    const failures: string[] = []
    const statuses = new Map<string, number>()
    const count = (kind: string, status: number) =>
      statuses.set(`${kind} ${status}`, (statuses.get(`${kind} ${status}`) ?? 0) + 1)

    // Staff who gave only their password: a session without the second factor, a token
    // issued without a code.
    const passwordOnlyTokens = new Map<number, string>()
    for (const person of people) {
      if (person.isStaff && !passwordOnlyTokens.has(person.id)) {
        const token = await User.accessTokens.create(person)
        passwordOnlyTokens.set(person.id, token.value!.release())
      }
    }

    async function send(
      route: RouterRoute,
      method: string,
      url: string,
      user: User | null,
      body?: Record<string, unknown>,
      { passwordOnly = false } = {}
    ): Promise<Outcome> {
      const request = (client as ApiClient).request(url, method as any).redirects(0)
      if (isApi(route)) {
        if (user) request.bearerToken((passwordOnly ? passwordOnlyTokens : tokens).get(user.id)!)
      } else {
        // The CSRF token is right for everyone: what refuses is authorization.
        request.withCsrfToken()
        if (user) request.loginAs(user).header('accept', 'application/json')
        else request.header('accept', 'text/html')
        if (user && passwordOnly) request.withSession(assuranceOf(user, { secondFactor: false }))
      }
      if (method !== 'GET') request.json(body ?? {})
      const response = await request
      return {
        status: response.status(),
        location: response.header('location') ?? '',
        text: (response.text() ?? '').slice(0, 200),
      }
    }

    const refusedAnonymously = (route: RouterRoute, outcome: Outcome) =>
      isApi(route)
        ? outcome.status === 401
        : [302, 303].includes(outcome.status) && outcome.location.includes('/login')

    const userOf = (actor: Actor, relatives: Partial<Record<Relative, User>>) =>
      world.outsiders.get(actor as (typeof OUTSIDER_ROLES)[number]) ?? relatives[actor as Relative]

    /** Everyone the world has for this route but the allowed: they must be refused. */
    function refusedActors(
      access: RouteAccess,
      relatives: Partial<Record<Relative, User>>
    ): Array<[Actor, User | null]> {
      const actors: Array<[Actor, User | null]> = [['anonymous', null]]
      if (access.kind === 'signedIn') return actors
      const allow = (access as RestrictedAccess).allow
      for (const role of OUTSIDER_ROLES) {
        if (!allow.includes(role)) actors.push([role, world.outsiders.get(role)!])
      }
      for (const [relative, user] of Object.entries(relatives) as Array<[Relative, User]>) {
        if (!allow.includes(relative)) actors.push([relative, user])
      }
      return actors
    }

    function allowedActors(
      access: RouteAccess,
      relatives: Partial<Record<Relative, User>>,
      where: string
    ): Array<[Actor, User]> {
      if (access.kind === 'signedIn') return [['applicant', world.outsiders.get('applicant')!]]
      return (access as RestrictedAccess).allow.flatMap((actor): Array<[Actor, User]> => {
        const user = userOf(actor, relatives)
        if (!user) failures.push(`${where} allows "${actor}", whom its records do not name`)
        return user ? [[actor, user]] : []
      })
    }

    for (const route of routerRoutes()) {
      const access: RouteAccess | undefined = ROUTE_ACCESS[route.name]
      if (!access || route.pattern.endsWith('*')) continue
      const restricted = access.kind === undefined ? access : undefined
      let located: ReturnType<typeof locate>
      try {
        located = locate(route, access.params, world, restricted?.signed)
      } catch (error) {
        failures.push((error as Error).message)
        continue
      }
      const { url, relatives } = located
      const body = restricted?.body

      for (const method of route.methods) {
        const where = `${route.name} (${method} ${url})`

        if (access.kind === 'public') {
          if (method !== 'GET') continue
          const outcome = await send(route, method, url, null)
          count('public', outcome.status)
          if (outcome.status >= 500 || [401, 403].includes(outcome.status)) {
            failures.push(`${where} is public, yet anonymous got ${outcome.status}`)
          } else if (refusedAnonymously(route, outcome)) {
            failures.push(`${where} is public, yet anonymous is sent to /login`)
          }
          continue
        }

        // Refusals, all at once: nothing may be written by any of them.
        const before = await storedFingerprint(tables)
        const refused = refusedActors(access, relatives)
        const outcomes = await Promise.all(
          refused.map(([, user]) => send(route, method, url, user, body))
        )
        for (const [index, [actor]] of refused.entries()) {
          const outcome = outcomes[index]
          count(actor === 'anonymous' ? 'anonymous' : 'refused', outcome.status)
          const ok =
            actor === 'anonymous'
              ? refusedAnonymously(route, outcome)
              : [403, 404].includes(outcome.status)
          if (!ok) {
            failures.push(
              `${where} as ${actor}: ${outcome.status} ${outcome.location} ${outcome.text}`
            )
          }
        }

        // An inner id of another parent (someone else's document through one's own
        // review): refused even to the allowed.
        for (const [param, key] of Object.entries(restricted?.foreign ?? {})) {
          const elsewhere = locate(route, { ...restricted!.params, [param]: key }, world).url
          for (const [actor, user] of allowedActors(access, relatives, where)) {
            const outcome = await send(route, method, elsewhere, user, body)
            count('foreign', outcome.status)
            if (![403, 404].includes(outcome.status)) {
              failures.push(
                `${route.name} (${method} ${elsewhere}) as ${actor}, :${param} of another record: ${outcome.status} ${outcome.text}`
              )
            }
          }
        }
        // Staff allowed here, but past their password only: refused until the second
        // factor (ASVS 6.3.3), on every route.
        for (const [actor, user] of allowedActors(access, relatives, where)) {
          if (!user.isStaff || route.name === 'api.tokens.destroy') continue
          const outcome = await send(route, method, url, user, body, { passwordOnly: true })
          count('password only', outcome.status)
          if (outcome.status !== 403 || !outcome.text.includes('E_SECOND_FACTOR_REQUIRED')) {
            failures.push(
              `${where} as ${actor} without a second factor: ${outcome.status} ${outcome.text}`
            )
          }
        }

        const written = changedTables(before, await storedFingerprint(tables))
        if (written.length) failures.push(`${where}: a refused request wrote to ${written}`)

        // The allowed get through; what they change is rolled back.
        if (restricted?.checkAllowed === false) continue
        for (const [actor, user] of allowedActors(access, relatives, where)) {
          const outcome = await rolledBack(() => send(route, method, url, user, body))
          count('allowed', outcome.status)
          if (outcome.status >= 500 || [401, 403, 404].includes(outcome.status)) {
            failures.push(
              `${where} as ${actor} (allowed): ${outcome.status} ${outcome.location} ${outcome.text}`
            )
          }
        }
      }
    }

    assert.deepEqual(failures, [], `\n${failures.join('\n')}\n`)
    // The walk really refused on both grounds and let the allowed in, on a large scale.
    const total = (prefix: string) =>
      [...statuses].filter(([key]) => key.startsWith(prefix)).reduce((sum, [, n]) => sum + n, 0)
    assert.isAbove(statuses.get('refused 403') ?? 0, 300, JSON.stringify([...statuses]))
    assert.isAbove(statuses.get('refused 404') ?? 0, 100, JSON.stringify([...statuses]))
    assert.isAbove(total('anonymous'), 150)
    assert.isAbove(total('allowed'), 150)
    assert.isAbove(total('foreign'), 3)
    assert.isAbove(total('password only'), 80)
  }).timeout(300_000)
})
