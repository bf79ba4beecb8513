/*
| Full pages behind a sign-in, on the demo data (`npm start` seeds it), each against a
| bare node:http + pg server replaying the SQL the portal runs for the page
| (bench/page_replay.js), DESIGN §9's method (bench/lib.js compareWithBaseline):
|
|   application_page  GET /applications/:id, a demo applicant's own submitted application
|   finance_queue     GET /finance, the finance officers' queue (staff: password, then an
|                     authenticator code; the bench gives the demo officer a TOTP factor
|                     for the run and removes it after)
|
| Each: sign in once (as a browser would, CSRF token and all) → the page's queries
| recorded → portal and baseline started → A B A' B' × 5 → a profiled portal
| (bench/profiles/NAME.md).
*/
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import {
  bootApp,
  compareWithBaseline,
  ensureAssets,
  measureInChild,
  pgConnection,
  profilePortal,
  startPortal,
  stopProcess,
  waitForServer,
} from './lib.js'
import { recordPageQueries, startReplayBaseline } from './page_replay.js'
import { cookieHeader, currentCode, postForm } from './reviewer_queue.js'

const TARGET_RATIO = 0.35 // a full page ≥ 0.35 × the baseline's throughput (DESIGN §9)
const DEMO_PASSWORD = 'Manassa-demo-2026' // database/seeders/main_seeder.ts, README
const FINANCE_EMAIL = 'finance@manassa.test'

/** Signs in with password (then `code()` when the portal asks); returns the Cookie header. */
async function signIn(origin, email, code) {
  const jar = new Map()
  const login = await postForm(origin, '/login', jar, { email, password: DEMO_PASSWORD })
  if (login.status !== 302 || login.location === '/login') {
    throw new Error(`login of ${email} failed: HTTP ${login.status} → ${login.location}`)
  }
  if (login.location === '/mfa/challenge') {
    if (!code) throw new Error(`${email} is asked for a second factor`)
    const step = await postForm(origin, '/mfa/challenge', jar, { code: await code() })
    if (step.status !== 302 || step.location === '/mfa/challenge') {
      throw new Error(`second factor refused: HTTP ${step.status} → ${step.location}`)
    }
  }
  return cookieHeader(jar)
}

/** Portal vs replaying baseline for `path`, signed in with `cookie`; then the profile. */
async function comparePage({ name, env, log, path, cookie }) {
  const portal = await startPortal(env)
  let baseline
  try {
    await waitForServer(`${portal.origin}/`, portal.child, { ready: () => true })
    const headers = { cookie: await cookie(portal.origin) }
    const answer = await fetch(`${portal.origin}${path}`, { headers, redirect: 'manual' })
    if (answer.status !== 200) throw new Error(`${path} answered HTTP ${answer.status}`)
    const queries = await recordPageQueries({ env, path, headers, log })
    baseline = await startReplayBaseline(env, path, queries)
    const rows = await compareWithBaseline({
      name,
      portal: { url: `${portal.origin}${path}`, headers, pid: portal.child.pid },
      baseline: { url: `${baseline.origin}${path}`, pid: baseline.child.pid },
      targetRatio: TARGET_RATIO,
      log,
    })
    await Promise.all([stopProcess(portal.child), stopProcess(baseline.child)])
    // The session cookie is sealed with APP_KEY: another portal process accepts it.
    await profilePortal({
      name,
      env,
      log,
      prepare: async (server) => {
        await waitForServer(`${server.origin}/`, server.child, { ready: () => true })
        return { url: `${server.origin}${path}`, headers }
      },
    })
    return rows
  } finally {
    await Promise.all([stopProcess(portal.child), baseline && stopProcess(baseline.child)])
  }
}

async function query(env, sql, values) {
  const client = new pg.Client(pgConnection(env))
  await client.connect()
  try {
    return (await client.query(sql, values)).rows
  } finally {
    await client.end()
  }
}

export async function applicationPage({ env, log }) {
  await ensureAssets(log)
  const [application] = await query(
    env,
    `SELECT a.id, u.email FROM applications a JOIN users u ON u.id = a.applicant_id
     WHERE a.submitted_at IS NOT NULL AND 'applicant' = ANY(u.roles)
     ORDER BY a.id LIMIT 1`
  )
  if (!application) throw new Error('no submitted application: seed the demo data')
  log(`application #${application.id} of ${application.email}`)
  return comparePage({
    name: 'application_page',
    env,
    log,
    path: `/applications/${application.id}`,
    cookie: (origin) => signIn(origin, application.email),
  })
}

export async function financeQueue({ env, log }) {
  await ensureAssets(log)
  const { secret } = await measureInChild(
    'finance_queue (factor)',
    'bench/signed_in_pages.js',
    { ...env, BENCH_MODE: 'factor' },
    60_000
  )
  try {
    return await comparePage({
      name: 'finance_queue',
      env,
      log,
      path: '/finance',
      cookie: (origin) => signIn(origin, FINANCE_EMAIL, () => currentCode(env, secret)),
    })
  } finally {
    await removeFactor(env)
  }
}

/** The TOTP factor the bench gave the demo finance officer, removed (no audit entry). */
async function removeFactor(env) {
  await query(
    env,
    `DELETE FROM totp_factors WHERE user_id = (SELECT id FROM users WHERE email = $1)`,
    [FINANCE_EMAIL]
  )
}

/** In a child booting the app: a TOTP factor for the demo finance officer; prints its secret. */
async function addFactor() {
  const app = await bootApp()
  const { default: db } = await import('@adonisjs/lucid/services/db')
  const { encryptTotpSecret } = await import('#identity/second_factor/second_factors')
  const { generateTotpSecret } = await import('#identity/second_factor/totp')
  const secret = generateTotpSecret()
  const user = await db.from('users').where('email', FINANCE_EMAIL).first()
  if (!user) throw new Error(`no ${FINANCE_EMAIL}: seed the demo data`)
  await db.from('totp_factors').where('user_id', user.id).delete()
  await db.table('totp_factors').insert({
    user_id: user.id,
    secret_encrypted: encryptTotpSecret(secret),
    created_at: new Date(),
  })
  await app.terminate()
  console.log(JSON.stringify({ secret }))
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.env.BENCH_MODE === 'factor') {
  addFactor().catch((error) => {
    console.error(error)
    process.exit(1)
  })
}
