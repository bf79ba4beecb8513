import { test } from '@japa/runner'
import { glob } from 'node:fs/promises'
import { pathToFileURL } from 'node:url'
import app from '@adonisjs/core/services/app'
import router from '@adonisjs/core/services/router'
import db from '@adonisjs/lucid/services/db'
import MainSeeder, { DEMO_ACCOUNTS } from '#database/seeders/main_seeder'
import User from '#identity/models/user'
import type { Role } from '#identity/roles'
import { captureMail, isolateEachTest } from '#tests/helpers/http'
import { ID_FILE_PARAMS, ID_FILE_PATTERN, ID_PATTERN } from '#core/route_ids'
import { storedFingerprint, tablesToWatch } from '#tests/helpers/stored_fingerprint'

/**
 * The fuzz proof of issue 11: every route the router knows (new ones included, nothing
 * is listed by hand) receives hostile values, in the URL, the query string and the body,
 * signed in as an account whose role may use it. Whatever it receives, it never answers
 * 5xx, the API always answers `{ errors: [{ message, field?, rule? }] }`, a refused
 * request writes nothing, and no hostile character is ever stored.
 */

let deep: unknown = 'bottom'
for (let level = 0; level < 12; level++) deep = { nested: [deep] }

/** What a hostile client puts where text, numbers or ids belong. */
const HOSTILE_VALUES: unknown[] = [
  'a\u0000b',
  'invoice\u202Efdp.exe',
  '\u200B\u200D\uFEFF',
  '\u0085\u001B[31m',
  99_999_999_999,
  '99999999999',
  '1e309',
  '0x10',
  'Infinity',
  ['1', '2'],
  { id: 1, name: 'x\u0000' },
  deep,
  true,
]

/** What a hostile client puts where an id belongs in the URL. */
const HOSTILE_IDS = ['99999999999', '1e309', '0x10', '-1', '%00', '%E2%80%AE1', '1%200']

/** Characters that must never reach the database, whatever the route. */
// eslint-disable-next-line no-control-regex
const NEVER_STORED = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u202A-\u202E\u2066-\u2069]/

/** The account that may use a route, by the part of the portal it belongs to. */
const ACCOUNT_BY_PREFIX: Array<[RegExp, Role]> = [
  [/^\/admin/, 'admin'],
  [/^\/staff/, 'programme_officer'],
  [/^\/finance/, 'finance_officer'],
  [/^\/institute/, 'institute_coordinator'],
  [/^\/reviews?\b/, 'reviewer'],
  [/^\/(training|enrolments)/, 'trainee'],
  [/^\/api\//, 'fund_manager'],
]

type Route = { pattern: string; methods: string[] }

function routesUnderTest(): Route[] {
  return Object.values(router.toJSON())
    .flat()
    .filter((route) => !route.pattern.endsWith('*'))
    .map((route) => ({
      pattern: route.pattern,
      methods: route.methods.filter((method) => method !== 'HEAD'),
    }))
}

/** Every field name a VineJS validator of the app reads (any depth), so new ones count. */
async function validatorFieldNames() {
  const names = new Set<string>(['answers', 'files', 'reason', 'comment', 'scores', 'page'])
  const collect = (node: any) => {
    if (!node || typeof node !== 'object') return
    if (typeof node.propertyName === 'string' && node.propertyName) names.add(node.propertyName)
    for (const value of Object.values(node)) collect(value)
  }
  for await (const file of glob('app/*/validators/*.ts', { cwd: app.appRoot.pathname })) {
    const module = await import(pathToFileURL(app.makePath(file)).href)
    for (const value of Object.values(module)) {
      if (value && typeof (value as any).toJSON === 'function') collect((value as any).toJSON())
    }
  }
  return [...names]
}

/** Real ids for URL params: the table named by the segment before the param. */
async function realIdFinder() {
  const { rows } = await db.rawQuery(
    `SELECT table_name FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name = 'id'`
  )
  const ids = new Map<string, number>()
  for (const { table_name: table } of rows as Array<{ table_name: string }>) {
    const row = await db.from(table).max('id as id').first()
    if (row?.id) ids.set(table, Number(row.id))
  }
  return (segment: string) => {
    const name = segment.replaceAll('-', '_')
    const table = [name, `${name}s`, `committee_${name}`, `payment_${name}`, `session_${name}`]
      .flatMap((candidate) => [candidate, candidate.replace(/s$/, '') + 's'])
      .find((candidate) => ids.has(candidate))
    return table ? ids.get(table)! : 1
  }
}

/** The URL with real ids, or with a hostile value in place of one of its params. */
function urlOf(pattern: string, realId: (segment: string) => number, hostile?: string) {
  const segments = pattern.split('/')
  let hostilePlaced = false
  return segments
    .map((segment, index) => {
      if (!segment.startsWith(':')) return segment
      // The param's name only: a file extension after it (`:release.json`) stays.
      const param = /^:\w+/
      if (hostile !== undefined && !hostilePlaced) {
        hostilePlaced = true
        return segment.replace(param, hostile)
      }
      const name = segment.match(param)![0].slice(1)
      return segment.replace(
        param,
        name === 'token' || name === 'code'
          ? 'unknown-value'
          : String(realId(segments[index - 1] ?? ''))
      )
    })
    .join('/')
}

/** Text and JSON columns holding a character that must never be stored. */
async function storedHostileCharacters() {
  const { rows: columns } = await db.rawQuery(
    `SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'jsonb', 'json')`
  )
  const found: string[] = []
  for (const { table_name: table, column_name: column } of columns) {
    const { rows } = await db.rawQuery(
      `SELECT count(*) AS total FROM "${table}" WHERE "${column}"::text ~ ?`,
      [NEVER_STORED.source]
    )
    if (Number(rows[0].total) > 0) found.push(`${table}.${column}`)
  }
  return found
}

function assertErrorShape(assert: any, body: any, context: string) {
  assert.isArray(body?.errors, context)
  assert.isAbove(body.errors.length, 0, context)
  for (const error of body.errors) {
    assert.isString(error.message, context)
    assert.isNotEmpty(error.message, context)
    if ('field' in error) assert.isString(error.field, context)
    if ('rule' in error) assert.isString(error.rule, context)
    const unexpected = Object.keys(error).filter(
      (key) => !['message', 'field', 'rule', 'code', 'meta', 'index'].includes(key)
    )
    assert.deepEqual(unexpected, [], context)
  }
}

test.group('Hostile input on every route', (group) => {
  isolateEachTest(group)

  test('no route answers 5xx, the API keeps its error format, a refusal writes nothing', async ({
    client,
    assert,
  }) => {
    captureMail()
    await new MainSeeder(db.connection()).run()
    const accounts = new Map<Role, User>()
    for (const account of DEMO_ACCOUNTS) {
      accounts.set(account.roles[0], await User.findByOrFail('email', account.email))
    }
    const accountFor = (pattern: string) =>
      accounts.get(ACCOUNT_BY_PREFIX.find(([prefix]) => prefix.test(pattern))?.[1] ?? 'applicant')!
    const fields = await validatorFieldNames()
    const realId = await realIdFinder()
    const tables = await tablesToWatch()
    const routes = routesUnderTest()
    assert.isAbove(routes.length, 100)

    let requests = 0
    const statuses = new Map<number, number>()
    let variant = 0
    for (const route of routes) {
      const isApi = route.pattern.startsWith('/api/')
      const account = accountFor(route.pattern)
      for (const method of route.methods) {
        const hasBody = method !== 'GET'
        const hasParams = route.pattern.includes('/:')
        type Attempt = {
          url: string
          body?: 'json' | 'text' | 'invalid' | 'form'
          value: unknown
          method?: string
        }
        const attempts: Attempt[] = []
        const next = () => HOSTILE_VALUES[variant++ % HOSTILE_VALUES.length]
        if (hasParams) {
          attempts.push({
            url: urlOf(route.pattern, realId, HOSTILE_IDS[variant % HOSTILE_IDS.length]),
            value: next(),
          })
        }
        const url = urlOf(route.pattern, realId)
        attempts.push({ url, value: next() })
        // A method the URL does not take: 405 (or 404 when the user may not see it).
        const unsupported = ['PATCH', 'PUT', 'DELETE', 'POST'].find(
          (candidate) => !route.methods.includes(candidate)
        )
        if (unsupported) attempts.push({ url, value: next(), method: unsupported })
        if (hasBody) {
          attempts.push({ url, body: 'json', value: next() })
          attempts.push({ url, body: 'json', value: next() })
          attempts.push({ url, body: 'form', value: 'a\u0000b' })
          attempts.push({ url, body: variant % 2 ? 'text' : 'invalid', value: null })
        }

        for (const attempt of attempts) {
          const payload = Object.fromEntries(fields.map((field) => [field, attempt.value]))
          const request = client.request(attempt.url, (attempt.method ?? method) as any)
          if (!hasBody || attempt.body === undefined) {
            request.qs({ page: attempt.value, q: attempt.value, filter: attempt.value })
          } else if (attempt.body === 'json') {
            request.json(payload)
          } else if (attempt.body === 'form') {
            request.form(payload)
          } else if (attempt.body === 'text') {
            request.unsafeJson('name=a%00b').type('text/plain')
          } else {
            request.unsafeJson('{"name":')
          }
          if (isApi) {
            const token = await User.accessTokens.create(account)
            request.bearerToken(token.value!.release())
          } else {
            request.loginAs(account).withCsrfToken().header('accept', 'application/json')
          }
          request.redirects(0)
          const before = await storedFingerprint(tables)
          const response = await request
          requests++
          const status = response.status()
          statuses.set(status, (statuses.get(status) ?? 0) + 1)
          const context = `${attempt.method ?? method} ${attempt.url} ${attempt.body ?? 'query'} ${JSON.stringify(attempt.value)?.slice(0, 60)} → ${status} ${response.text()?.slice(0, 300)}`
          assert.isBelow(status, 500, context)
          if (status >= 400) {
            if (isApi || response.header('content-type')?.includes('json')) {
              assertErrorShape(assert, response.body(), context)
            }
            assert.deepEqual(await storedFingerprint(tables), before, `wrote: ${context}`)
          }
        }
      }
    }

    assert.deepEqual(await storedHostileCharacters(), [])
    // The walk reached refusals of every kind, not only 404s.
    for (const status of [400, 404, 405, 415, 422]) {
      assert.isAbove(statuses.get(status) ?? 0, 0, `no ${status} in ${[...statuses]}`)
    }
    assert.isAbove(requests, 400)
  }).timeout(300_000)

  test('every id param of every route is matched as a positive int4', ({ assert }) => {
    const textParams = new Set(['token', 'code', 'format', 'purpose'])
    for (const route of Object.values(router.toJSON()).flat()) {
      for (const param of route.pattern.match(/:\w+/g) ?? []) {
        const name = param.slice(1)
        if (textParams.has(name)) continue
        // An id with its file extension (`:release.json`) has the extension in its matcher.
        const expected = ID_FILE_PARAMS.includes(name) ? ID_FILE_PATTERN : ID_PATTERN
        assert.strictEqual(
          route.matchers[name]?.match,
          expected,
          `${route.pattern}: ${name} is not matched by ${expected}`
        )
      }
    }
  })
})
