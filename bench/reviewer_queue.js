/*
| reviewer_queue: the reviewer's queue page (GET /reviews, a full page: cookie session,
| CSRF, auth, Edge) against a bare node:http + pg baseline doing the same queries and
| writing the same table, DESIGN §9 (a full page ≥ 0.3 × the baseline, p99 ≤ 500 ms, no
| errors), with bench/api_calls.js's method:
|
|   a reviewer with 50 assignments seeded (a child booting the app; removed at the end) →
|   the portal (production mode) and the baseline started → logged in once (GET /login,
|   POST /login with the CSRF token) → same 50 references checked on both → warm-up →
|   A B A B A B (5 s each, 32 connections) → A/A control (portal twice, within ±10 %)
|
| The baseline reads the user by id and runs the portal's own SQL (REVIEWER_QUEUE_SQL,
| read from app/reviews/reviewer_queue.ts), formats dates in Casablanca time and escapes
| HTML like the page does; it has no router, session, middleware or template engine.
*/
import { existsSync, readFileSync, realpathSync } from 'node:fs'
import { spawn } from 'node:child_process'
import { createServer } from 'node:http'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import pg from 'pg'
import { ROOT, freePort, measureInChild, startProcess, stopProcess, sleep } from './lib.js'

const PATH = '/reviews'
const ASSIGNMENTS = 50
const CONNECTIONS = 32
const WARMUP_SECONDS = 3
const WARMUP_MAX_BLOCKS = 8
const WARMUP_STABLE = 0.05
const ROUND_SECONDS = 5
const ROUNDS = 3
const TARGET_RATIO = 0.3 // a full page ≥ 0.3 × the baseline's throughput
const TARGET_P99_MS = 500
const TARGET_AA_PERCENT = 10
const BENCH_PROGRAMME = 'BENCH-REVIEWER-QUEUE'
const BENCH_EMAIL = 'bench.reviewer.queue@manassa.test'
const BENCH_PASSWORD = 'bench reviewer queue password'

export async function reviewerQueue({ env, log }) {
  await ensureAssets(log)
  await removeSeed(env) // what a run stopped half-way may have left
  const seeded = await measureInChild(
    'reviewer_queue (seed)',
    'bench/reviewer_queue.js',
    { ...env, BENCH_MODE: 'seed' },
    120_000
  )
  log(`reviewer #${seeded.reviewerId} with ${seeded.assignments} assignments`)
  const portal = await startPortal(env)
  const baseline = await startBaseline(env, seeded.reviewerId)
  try {
    await Promise.all([
      waitForPage(portal.origin, portal.child),
      waitForPage(baseline.origin, baseline.child),
    ])
    const cookie = await logIn(portal.origin)
    const headers = { cookie }
    const [portalPage, baselinePage] = await Promise.all([
      fetchPage(`${portal.origin}${PATH}`, headers),
      fetchPage(`${baseline.origin}${PATH}`, {}),
    ])
    compareReferences(portalPage, baselinePage, seeded.references)

    const portalUrl = `${portal.origin}${PATH}`
    const baselineUrl = `${baseline.origin}${PATH}`
    await warmUp('portal', portalUrl, headers, log)
    await warmUp('baseline', baselineUrl, {}, log)
    const portalRuns = []
    const baselineRuns = []
    for (let i = 1; i <= ROUNDS; i++) {
      portalRuns.push(await load(portalUrl, headers, ROUND_SECONDS))
      log(describe(`A${i} portal`, portalRuns.at(-1)))
      baselineRuns.push(await load(baselineUrl, {}, ROUND_SECONDS))
      log(describe(`B${i} bare`, baselineRuns.at(-1)))
    }
    const control = [
      await load(portalUrl, headers, ROUND_SECONDS),
      await load(portalUrl, headers, ROUND_SECONDS),
    ]
    control.forEach((run, i) => log(describe(`A/A ${i + 1}`, run)))
    return rows(portalRuns, baselineRuns, control)
  } finally {
    await Promise.all([stopProcess(portal.child), stopProcess(baseline.child)])
    await removeSeed(env)
  }
}

function rows(portalRuns, baselineRuns, control) {
  const portalRps = mean(portalRuns.map((run) => run.rps))
  const baselineRps = mean(baselineRuns.map((run) => run.rps))
  const ratio = portalRps / baselineRps
  const portalP99 = Math.max(...portalRuns.map((run) => run.p99))
  const baselineP99 = Math.max(...baselineRuns.map((run) => run.p99))
  const errors = portalRuns.reduce((sum, run) => sum + run.errors, 0)
  const controlErrors = control.reduce((sum, run) => sum + run.errors, 0)
  const controlRatio = control[1].rps / control[0].rps
  const controlPercent =
    (Math.abs(control[1].rps - control[0].rps) / mean(control.map((run) => run.rps))) * 100
  return [
    {
      name: 'reviewer_queue',
      value: round(portalRps, 1),
      unit: 'req/s',
      baseline: round(baselineRps, 1),
      ratio: round(ratio, 3),
      target: TARGET_RATIO,
      ok: ratio >= TARGET_RATIO && errors === 0,
      display: {
        portal: portalRps.toFixed(0),
        baseline: baselineRps.toFixed(0),
        ratio: ratio.toFixed(2),
        p99: String(portalP99),
        errors: String(errors),
        target: `≥ ${TARGET_RATIO}×`,
      },
    },
    {
      name: 'reviewer_queue.p99',
      value: portalP99,
      unit: 'ms',
      baseline: baselineP99,
      ratio: round(portalP99 / Math.max(baselineP99, 1), 2),
      target: TARGET_P99_MS,
      ok: portalP99 <= TARGET_P99_MS && errors === 0,
      display: {
        p99: `${portalP99} (bare ${baselineP99})`,
        errors: String(errors),
        target: `≤ ${TARGET_P99_MS} ms`,
      },
    },
    {
      name: 'reviewer_queue.aa_control',
      value: round(controlPercent, 1),
      unit: '%',
      baseline: null,
      ratio: round(controlRatio, 3),
      target: TARGET_AA_PERCENT,
      ok: controlPercent <= TARGET_AA_PERCENT && controlErrors === 0,
      display: {
        portal: `${control[0].rps.toFixed(0)} → ${control[1].rps.toFixed(0)}`,
        ratio: controlRatio.toFixed(2),
        errors: String(controlErrors),
        target: `± ${TARGET_AA_PERCENT} %`,
      },
    },
  ]
}

const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length
const round = (value, digits) => Number(value.toFixed(digits))

function describe(label, figures) {
  return (
    `${label.padEnd(10)} ${figures.rps.toFixed(0).padStart(6)} req/s  ` +
    `p50 ${figures.p50} ms  p99 ${figures.p99} ms  errors ${figures.errors}`
  )
}

/** bench/lib.js's `load`, with request headers (the session cookie). */
async function load(url, headers, seconds) {
  if (new URL(url).hostname !== '127.0.0.1') throw new Error(`refusing to load ${url}`)
  const result = await autocannon({
    url,
    headers,
    connections: CONNECTIONS,
    duration: seconds,
    timeout: 10,
  })
  return {
    rps: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  }
}

async function warmUp(label, url, headers, log) {
  const blocks = [await load(url, headers, WARMUP_SECONDS)]
  while (blocks.length < WARMUP_MAX_BLOCKS) {
    blocks.push(await load(url, headers, WARMUP_SECONDS))
    const [previous, last] = blocks.slice(-2).map((block) => block.rps)
    if (Math.abs(last - previous) / previous <= WARMUP_STABLE) break
  }
  log(`warm-up ${label}: ${blocks.map((block) => block.rps.toFixed(0)).join(' → ')} req/s`)
}

async function ensureAssets(log) {
  if (existsSync(`${ROOT}public/assets/.vite/manifest.json`)) return
  log('building assets (vite build)')
  const vite = realpathSync(`${ROOT}node_modules/.bin/vite`)
  const child = spawn(process.execPath, [vite, 'build'], { cwd: ROOT, stdio: 'inherit' })
  const code = await new Promise((resolve) => child.on('exit', resolve))
  if (code !== 0) throw new Error(`vite build failed (exit code ${code})`)
}

async function startPortal(env) {
  const port = await freePort()
  const origin = `http://127.0.0.1:${port}`
  const child = startProcess(
    'portal',
    process.execPath,
    ['--import', '@poppinss/ts-exec', 'bin/server.ts'],
    {
      ...process.env,
      ...env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
      APP_URL: origin,
    }
  )
  return { child, origin }
}

async function startBaseline(env, reviewerId) {
  const port = await freePort()
  const child = startProcess('baseline', process.execPath, ['bench/reviewer_queue.js'], {
    ...process.env,
    ...env,
    NODE_ENV: 'production',
    BENCH_MODE: 'baseline',
    BENCH_REVIEWER_ID: String(reviewerId),
    PORT: String(port),
  })
  return { child, origin: `http://127.0.0.1:${port}` }
}

/** Waits until the server answers anything at all on `/` (the portal's home, the baseline's 404). */
async function waitForPage(origin, child, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${child.name} exited:\n${child.outputTail()}`)
    try {
      await fetch(`${origin}/`, { signal: AbortSignal.timeout(2000), redirect: 'manual' })
      return
    } catch {
      await sleep(250)
    }
  }
  throw new Error(
    `${child.name} did not answer within ${timeoutMs / 1000} s:\n${child.outputTail()}`
  )
}

/** The cookies a response sets, merged into `jar` (name → value). */
function keepCookies(response, jar) {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';')
    const at = pair.indexOf('=')
    jar.set(pair.slice(0, at), pair.slice(at + 1))
  }
}

const cookieHeader = (jar) => [...jar].map(([name, value]) => `${name}=${value}`).join('; ')

/** Logs the bench reviewer in as a browser would; returns the Cookie header of the session. */
async function logIn(origin) {
  const jar = new Map()
  const form = await fetch(`${origin}/login`, { redirect: 'manual' })
  keepCookies(form, jar)
  const token = (await form.text()).match(/name=['"]_csrf['"] value=['"]([^'"]+)['"]/)?.[1]
  if (!token) throw new Error('no CSRF token on the login page')
  const response = await fetch(`${origin}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'cookie': cookieHeader(jar) },
    body: new URLSearchParams({ email: BENCH_EMAIL, password: BENCH_PASSWORD, _csrf: token }),
  })
  keepCookies(response, jar)
  if (response.status !== 302 || response.headers.get('location') === '/login') {
    throw new Error(`login failed: HTTP ${response.status} → ${response.headers.get('location')}`)
  }
  return cookieHeader(jar)
}

async function fetchPage(url, headers) {
  const response = await fetch(url, { headers, redirect: 'manual' })
  if (response.status !== 200) throw new Error(`${url} answered HTTP ${response.status}`)
  return response.text()
}

/** Both sides must list the same 50 reviews, or the ratio compares different work. */
function compareReferences(portalPage, baselinePage, references) {
  for (const reference of references) {
    if (!portalPage.includes(reference)) throw new Error(`the portal's queue lacks ${reference}`)
    if (!baselinePage.includes(reference))
      throw new Error(`the baseline's queue lacks ${reference}`)
  }
}

/** Removes what the seed created (no audit entries were written for it). */
export async function removeSeed(env) {
  const client = new pg.Client({
    host: env.DB_HOST,
    port: Number(env.DB_PORT),
    user: env.DB_USER,
    password: env.DB_PASSWORD || undefined,
    database: env.DB_DATABASE,
  })
  await client.connect()
  try {
    await client.query('BEGIN')
    const calls = `SELECT c.id FROM calls c JOIN programmes p ON p.id = c.programme_id WHERE p.code = $1`
    const applicants = await client.query(
      `SELECT applicant_id FROM applications WHERE call_id IN (${calls})`,
      [BENCH_PROGRAMME]
    )
    await client.query(`DELETE FROM reviews WHERE call_id IN (${calls})`, [BENCH_PROGRAMME])
    await client.query(`DELETE FROM applications WHERE call_id IN (${calls})`, [BENCH_PROGRAMME])
    await client.query(`DELETE FROM form_versions WHERE call_id IN (${calls})`, [BENCH_PROGRAMME])
    await client.query(`DELETE FROM calls WHERE id IN (${calls})`, [BENCH_PROGRAMME])
    await client.query(`DELETE FROM programmes WHERE code = $1`, [BENCH_PROGRAMME])
    await client.query(`DELETE FROM users WHERE id = ANY($1) OR lower(email) = $2`, [
      applicants.rows.map((row) => row.applicant_id),
      BENCH_EMAIL,
    ])
    await client.query('COMMIT')
  } finally {
    await client.end()
  }
}

// ---------------------------------------------------------------------------------------
// The seeding process (the app booted, TypeScript loader): a reviewer with 50 reviews.
// ---------------------------------------------------------------------------------------

async function seed() {
  const { createIgnitor } = await import('../bin/ignitor.ts')
  const app = createIgnitor().createApp('console')
  await app.init()
  await app.boot()
  await app.start(() => {})
  const { default: db } = await import('@adonisjs/lucid/services/db')
  const { DateTime } = await import('luxon')
  const { default: User } = await import('#identity/models/user')
  const { default: Programme } = await import('#programmes/models/programme')
  const { default: Call } = await import('#programmes/models/call')
  const { default: FormVersion } = await import('#programmes/models/form_version')
  const { APPLICATION_FORMS } = await import('#database/forms/index')

  const result = await db.transaction(async (client) => {
    const reviewer = await User.create(
      {
        email: BENCH_EMAIL,
        password: BENCH_PASSWORD,
        fullName: 'Bench Reviewer',
        roles: ['reviewer'],
        preferredLocale: 'fr',
        emailVerifiedAt: DateTime.utc(),
      },
      { client }
    )
    const programme = await Programme.create(
      {
        code: BENCH_PROGRAMME,
        kind: 'startup_offer',
        stage: 'early',
        title: { fr: 'Banc d’essai — évaluations', en: 'Bench — reviews' },
        summary: {},
        grantCeilingCentimes: 50_000_000,
      },
      { client }
    )
    const references = []
    // Two calls, one blind, as a reviewer on two committees would have.
    for (const blindReview of [false, true]) {
      const call = await Call.create(
        {
          programmeId: programme.id,
          title: { fr: `Appel banc ${blindReview ? 'anonyme' : 'ouvert'}`, en: 'Bench call' },
          description: {},
          state: 'closed',
          opensAt: DateTime.utc().minus({ days: 60 }),
          closesAt: DateTime.utc().minus({ days: 10 }),
          envelopeCentimes: 1_000_000_000,
          blindReview,
        },
        { client }
      )
      const form = await FormVersion.create(
        {
          callId: call.id,
          version: 1,
          definition: APPLICATION_FORMS.startup_offer,
          frozenAt: DateTime.utc(),
        },
        { client }
      )
      const now = new Date()
      for (let i = 0; i < ASSIGNMENTS / 2; i++) {
        const number = references.length + 1
        const [applicant] = await client
          .table('users')
          .insert({
            email: `bench.applicant.${number}.${call.id}@manassa.test`,
            password: 'not a login',
            full_name: `Candidat Banc ${number}`,
            roles: ['applicant'],
            created_at: now,
            updated_at: now,
          })
          .returning('id')
        const reference = `BQ-2026-${String(call.id).padStart(3, '0')}${String(number).padStart(3, '0')}`
        const [application] = await client
          .table('applications')
          .insert({
            call_id: call.id,
            applicant_id: applicant.id,
            state: 'in_review',
            reference,
            form_version_id: form.id,
            submitted_answers: JSON.stringify({ project: { name: `Projet ${number}` } }),
            submitted_at: now,
            title: `Candidat Banc ${number}`,
            created_at: now,
            updated_at: now,
          })
          .returning('id')
        await client.table('reviews').insert({
          call_id: call.id,
          application_id: application.id,
          reviewer_id: reviewer.id,
          state: i % 5 === 0 ? 'draft' : 'assigned',
          due_at: DateTime.utc()
            .plus({ days: (i % 20) - 3 })
            .toJSDate(),
          created_at: now,
          updated_at: now,
        })
        references.push(reference)
      }
    }
    return { reviewerId: reviewer.id, assignments: references.length, references }
  })
  await app.terminate()
  console.log(JSON.stringify(result))
}

// ---------------------------------------------------------------------------------------
// The bare baseline (plain node:http + pg): the same two queries, the same table.
// ---------------------------------------------------------------------------------------

function readQueueSql() {
  const source = readFileSync(new URL('../app/reviews/reviewer_queue.ts', import.meta.url), 'utf8')
  const match = source.match(/export const REVIEWER_QUEUE_SQL\s*=\s*`([^`]*)`/)
  if (!match || match[1].includes('${')) throw new Error('REVIEWER_QUEUE_SQL not found')
  return match[1].replace('?', '$1')
}

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
const escape = (value) => String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c])

function baseline() {
  const sql = readQueueSql()
  const reviewerId = Number(process.env.BENCH_REVIEWER_ID)
  const pool = new pg.Pool({
    host: process.env.DB_HOST,
    port: Number(process.env.DB_PORT),
    user: process.env.DB_USER,
    password: process.env.DB_PASSWORD || undefined,
    database: process.env.DB_DATABASE,
    max: 10,
  })
  const dates = new Intl.DateTimeFormat('fr-MA', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Africa/Casablanca',
    timeZoneName: 'short',
  })
  const server = createServer(async (request, response) => {
    if (request.url !== PATH) {
      response.writeHead(404).end()
      return
    }
    try {
      const user = await pool.query('SELECT * FROM users WHERE id = $1 LIMIT 1', [reviewerId])
      const { rows } = await pool.query(sql, [user.rows[0].id])
      const now = Date.now()
      const body = rows
        .map((row) => {
          const overdue = row.state !== 'submitted' && row.due_at.getTime() < now
          return (
            `<tr class="${overdue ? 'review-queue-overdue' : ''}"><td><a href="/reviews/${row.id}">` +
            `<code dir="ltr">${escape(row.reference)}</code></a>` +
            (row.blind_review
              ? '<br /><span class="muted">Évaluation anonyme</span>'
              : `<br /><span>${escape(row.title)}</span>`) +
            `</td><td>${escape(row.call_title.fr)}</td><td>${dates.format(row.due_at)}</td>` +
            `<td><span class="badge">${escape(row.state)}</span>${overdue ? '<span class="badge red">En retard</span>' : ''}</td></tr>`
          )
        })
        .join('\n')
      const html = `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Mes évaluations</title></head><body><main><h1>Mes évaluations</h1><table><tbody>${body}</tbody></table></main></body></html>`
      response.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-length': Buffer.byteLength(html),
      })
      response.end(html)
    } catch (error) {
      response.writeHead(500).end(error.message)
    }
  })
  server.listen(Number(process.env.PORT), '127.0.0.1')
  const stop = () => server.close(() => pool.end().then(() => process.exit(0)))
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.env.BENCH_MODE === 'baseline') baseline()
  else
    seed().catch((error) => {
      console.error(error)
      process.exit(1)
    })
}
