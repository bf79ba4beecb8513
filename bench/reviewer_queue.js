/*
| reviewer_queue: the reviewer's queue page (GET /reviews, a full page: cookie session,
| CSRF, auth, Edge) against a bare node:http + pg baseline doing the same queries and
| writing the same table, DESIGN §9 (a full page ≥ 0.3 × the baseline, p99 ≤ 500 ms, no
| errors), with bench/api_calls.js's method:
|
|   a reviewer with 50 assignments seeded (a child booting the app; removed at the end) →
|   the portal (production mode) and the baseline started → logged in once (GET /login,
|   POST /login with the CSRF token, then the authenticator's code: reviewers are staff,
|   and staff sign in with a second factor) → same 50 references checked on both → warm-up →
|   A B A' B' × 5 (5 s each, 32 connections; A/A control within ±10 %, else "noisy") →
|   a profiled portal under the same load (bench/profiles/reviewer_queue.md)
|
| The baseline reads the user by id and runs the portal's own SQL (REVIEWER_QUEUE_SQL,
| read from app/reviews/reviewer_queue.ts), formats dates in Casablanca time and escapes
| HTML like the page does; it has no router, session, middleware or template engine.
*/
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import {
  bootApp,
  compareWithBaseline,
  profilePortal,
  ensureAssets,
  measureInChild,
  pgConnection,
  serveBarePage,
  startPortal,
  startServer,
  stopProcess,
  waitForServer,
} from './lib.js'

const PATH = '/reviews'
const ASSIGNMENTS = 50
const TARGET_RATIO = 0.35 // a full page ≥ 0.35 × the baseline's throughput (DESIGN §9)
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
  const baseline = await startServer('baseline', ['bench/reviewer_queue.js'], env, {
    BENCH_MODE: 'baseline',
    BENCH_REVIEWER_ID: String(seeded.reviewerId),
  })
  try {
    await Promise.all([answersAtAll(portal), answersAtAll(baseline)])
    const cookie = await logIn(portal.origin, () => currentCode(env, seeded.totpSecret))
    const portalSide = { url: `${portal.origin}${PATH}`, headers: { cookie }, pid: portal.child.pid }
    const baselineSide = { url: `${baseline.origin}${PATH}`, headers: {}, pid: baseline.child.pid }
    const [portalPage, baselinePage] = await Promise.all([
      fetchPage(portalSide.url, portalSide.headers),
      fetchPage(baselineSide.url, baselineSide.headers),
    ])
    compareReferences(portalPage, baselinePage, seeded.references)
    const rows = await compareWithBaseline({
      name: 'reviewer_queue',
      portal: portalSide,
      baseline: baselineSide,
      targetRatio: TARGET_RATIO,
      log,
    })
    await Promise.all([stopProcess(portal.child), stopProcess(baseline.child)])
    // The session cookie is sealed with APP_KEY: another portal process accepts it.
    await profilePortal({
      name: 'reviewer_queue',
      env,
      log,
      prepare: async (server) => {
        await answersAtAll(server)
        return { url: `${server.origin}${PATH}`, headers: { cookie } }
      },
    })
    return rows
  } finally {
    await Promise.all([stopProcess(portal.child), stopProcess(baseline.child)])
    await removeSeed(env)
  }
}

/** Once the server answers anything at all on `/` (the portal's home, the baseline's 404). */
const answersAtAll = (server) =>
  waitForServer(`${server.origin}/`, server.child, { ready: () => true })

/** The cookies a response sets, merged into `jar` (name → value). */
export function keepCookies(response, jar) {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';')
    const at = pair.indexOf('=')
    jar.set(pair.slice(0, at), pair.slice(at + 1))
  }
}

export const cookieHeader = (jar) => [...jar].map(([name, value]) => `${name}=${value}`).join('; ')

/** Posts a form of `path` (read for its CSRF token first) as a browser would. */
export async function postForm(origin, path, jar, fields) {
  const form = await fetch(`${origin}${path}`, {
    redirect: 'manual',
    headers: { cookie: cookieHeader(jar) },
  })
  keepCookies(form, jar)
  const token = (await form.text()).match(/name=['"]_csrf['"] value=['"]([^'"]+)['"]/)?.[1]
  if (!token) throw new Error(`no CSRF token on ${path}`)
  const response = await fetch(`${origin}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'cookie': cookieHeader(jar) },
    body: new URLSearchParams({ ...fields, _csrf: token }),
  })
  keepCookies(response, jar)
  return { status: response.status, location: response.headers.get('location') }
}

/**
 * Logs a staff member in as a browser would (the bench reviewer unless told), password
 * then authenticator code; returns the Cookie header of the session.
 */
export async function logIn(origin, code, email = BENCH_EMAIL, password = BENCH_PASSWORD) {
  const jar = new Map()
  const login = await postForm(origin, '/login', jar, { email, password })
  if (login.status !== 302 || login.location !== '/mfa/challenge') {
    throw new Error(`login failed: HTTP ${login.status} → ${login.location}`)
  }
  const step = await postForm(origin, '/mfa/challenge', jar, { code: await code() })
  if (step.status !== 302 || step.location !== '/dashboard') {
    throw new Error(`second factor refused: HTTP ${step.status} → ${step.location}`)
  }
  return cookieHeader(jar)
}

/** What an authenticator app holding `secret` shows now, by the portal's own TOTP code. */
export async function currentCode(env, secret) {
  const { code } = await measureInChild(
    'reviewer_queue (code)',
    'bench/reviewer_queue.js',
    { ...env, BENCH_MODE: 'totp', BENCH_TOTP_SECRET: secret },
    30_000
  )
  return code
}

async function printCode() {
  const { hotp, timeStep } = await import('#identity/second_factor/totp')
  const { base32Decode } = await import('#core/base32')
  const secret = base32Decode(process.env.BENCH_TOTP_SECRET)
  console.log(JSON.stringify({ code: hotp(secret, timeStep(Date.now())) }))
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
  const client = new pg.Client(pgConnection(env))
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
  const app = await bootApp()
  const { default: db } = await import('@adonisjs/lucid/services/db')
  const { DateTime } = await import('luxon')
  const { default: User } = await import('#identity/models/user')
  const { default: Programme } = await import('#programmes/models/programme')
  const { default: Call } = await import('#programmes/models/call')
  const { default: FormVersion } = await import('#programmes/models/form_version')
  const { APPLICATION_FORMS } = await import('#database/forms/index')
  const { encryptTotpSecret } = await import('#identity/second_factor/second_factors')
  const { generateTotpSecret } = await import('#identity/second_factor/totp')
  const totpSecret = generateTotpSecret()

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
    // Reviewers are staff: the bench signs in with an authenticator app, as they do.
    await client.table('totp_factors').insert({
      user_id: reviewer.id,
      secret_encrypted: encryptTotpSecret(totpSecret),
      created_at: new Date(),
    })
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
    return { reviewerId: reviewer.id, assignments: references.length, references, totpSecret }
  })
  await app.terminate()
  console.log(JSON.stringify(result))
}

// ---------------------------------------------------------------------------------------
// The bare baseline (plain node:http + pg): the same three queries, the same table.
// ---------------------------------------------------------------------------------------

/** A SQL constant of the portal's source, with its one `?` as `$1`. */
function readSql(file, name) {
  const source = readFileSync(new URL(`../app/reviews/${file}`, import.meta.url), 'utf8')
  const match = source.match(new RegExp(`export const ${name}\\s*=\\s*\`([^\`]*)\``))
  if (!match || match[1].includes('${')) throw new Error(`${name} not found`)
  return match[1].replace('?', '$1')
}

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
const escape = (value) => String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c])

function baseline() {
  const sql = readSql('reviewer_queue.ts', 'REVIEWER_QUEUE_SQL')
  // The page also lists the sessions the reviewer chairs (none for the bench reviewer).
  const chairedSql = readSql('committee_sessions.ts', 'CHAIRED_SESSIONS_SQL')
  const reviewerId = Number(process.env.BENCH_REVIEWER_ID)
  const pool = new pg.Pool({ ...pgConnection(process.env), max: 10 })
  const dates = new Intl.DateTimeFormat('fr-MA', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Africa/Casablanca',
    timeZoneName: 'short',
  })
  serveBarePage(PATH, pool, async () => {
    const user = await pool.query('SELECT * FROM users WHERE id = $1 LIMIT 1', [reviewerId])
    const [{ rows }] = await Promise.all([
      pool.query(sql, [user.rows[0].id]),
      pool.query(chairedSql, [user.rows[0].id]),
    ])
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
    return `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Mes évaluations</title></head><body><main><h1>Mes évaluations</h1><table><tbody>${body}</tbody></table></main></body></html>`
  })
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.env.BENCH_MODE === 'baseline') baseline()
  else if (process.env.BENCH_MODE === 'totp') printCode()
  else
    seed().catch((error) => {
      console.error(error)
      process.exit(1)
    })
}
