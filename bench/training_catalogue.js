/*
| training_catalogue: GET /training (the public catalogue of Jazari cohorts, a full page:
| session, CSRF, Edge) against a bare node:http + pg server running the same query and
| writing an equivalent page, DESIGN §9's method: both started in this run → same cohorts
| checked → warm-up → A B A B A B (5 s each, 32 connections) → A/A control.
|
| The cohorts it lists are its own: it inserts an institute, four courses and 20 open
| cohorts (codes BENCH-TC-*) before and deletes them after, whatever happens.
|
| `node bench/training_catalogue.js --baseline` is the baseline server itself.
*/
import { createServer } from 'node:http'
import { existsSync, readFileSync, realpathSync } from 'node:fs'
import { spawn } from 'node:child_process'
import pg from 'pg'
import { ROOT, freePort, load, sleep, startProcess, stopProcess } from './lib.js'

const PATH = '/training'
const CONNECTIONS = 32
const WARMUP_SECONDS = 3
const WARMUP_MAX_BLOCKS = 8
const WARMUP_STABLE = 0.05
const ROUND_SECONDS = 5
const ROUNDS = 3
const TARGET_RATIO = 0.3 // a full page ≥ 0.3 × the baseline's throughput
const TARGET_P99_MS = 500
const TARGET_AA_PERCENT = 10
const PER_PAGE = 20
const COHORTS = 20
const TAG = 'BENCH-TC-'

/** The portal's SQL, read from its source so the two cannot drift apart. */
function readCatalogueSql() {
  const source = readFileSync(`${ROOT}app/training/catalogue.ts`, 'utf8')
  const match = source.match(/export const OPEN_COHORTS_SQL\s*=\s*`([^`]*)`/)
  if (!match || match[1].includes('${')) {
    throw new Error(
      'OPEN_COHORTS_SQL (a plain template literal) not found in app/training/catalogue.ts'
    )
  }
  return match[1]
}

function poolFrom(env) {
  return new pg.Pool({
    host: env.DB_HOST,
    port: Number(env.DB_PORT),
    user: env.DB_USER,
    password: env.DB_PASSWORD || undefined,
    database: env.DB_DATABASE,
    max: 10,
  })
}

// ---------------------------------------------------------------------------------------
// Baseline server: the same query, a page with the same facts, nothing else.
// ---------------------------------------------------------------------------------------

const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

function serveBaseline() {
  const sql = readCatalogueSql()
  const pool = poolFrom(process.env)
  const day = new Intl.DateTimeFormat('fr-MA', { dateStyle: 'full', timeZone: 'Africa/Casablanca' })
  const instant = new Intl.DateTimeFormat('fr-MA', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Africa/Casablanca',
  })
  const card = (row) => `<li><article class="card call-card cohort-card">
    <p>${escapeHtml(row.institute)} · ${escapeHtml(row.city)}</p>
    <h2><a href="/training/cohorts/${row.id}">${escapeHtml(row.title.fr ?? '')}</a></h2>
    <p><span class="badge">${escapeHtml(row.track)}</span><span class="badge">${escapeHtml(row.level)}</span>
    <span class="badge">${escapeHtml(row.language)}</span><span class="badge">${escapeHtml(row.mode)}</span></p>
    <dl><div><dt>Région</dt><dd>${escapeHtml(row.region)}</dd></div>
    <div><dt>Dates</dt><dd>${day.format(new Date(`${row.starts_on}T12:00:00Z`))} – ${day.format(new Date(`${row.ends_on}T12:00:00Z`))}</dd></div>
    <div><dt>Fin des inscriptions</dt><dd>${instant.format(row.enrolment_closes_at)}</dd></div></dl>
    <p>${row.seats_left} places restantes</p></article></li>`
  const server = createServer(async (request, response) => {
    if (request.method !== 'GET' || request.url.split('?')[0] !== PATH) {
      response.writeHead(404).end()
      return
    }
    try {
      const { rows } = await pool.query(sql, [
        new Date(),
        null,
        null,
        null,
        null,
        null,
        PER_PAGE,
        0,
      ])
      const html = `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Formations Jazari</title></head>
<body><main><h1>Formations Jazari</h1><p>${rows[0]?.total ?? 0} cohortes ouvertes</p>
<ul class="catalogue-grid">${rows.map(card).join('')}</ul></main></body></html>`
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

// ---------------------------------------------------------------------------------------
// Data of its own
// ---------------------------------------------------------------------------------------

async function seedCohorts(pool) {
  const now = new Date()
  const {
    rows: [institute],
  } = await pool.query(
    `INSERT INTO institutes (name, city, region, created_at, updated_at)
     VALUES ($1, 'Tanger', 'tanger_tetouan_al_hoceima', $2, $2) RETURNING id`,
    [`${TAG}institute-${Date.now()}`, now]
  )
  const courses = []
  for (const [index, track] of ['ai', 'data_science', 'cloud', 'cybersecurity'].entries()) {
    const { rows } = await pool.query(
      `INSERT INTO courses (institute_id, code, title, track, level, language, hours, created_at, updated_at)
       VALUES ($1, $2, $3, $4, 'beginner', 'fr', 100, $5, $5) RETURNING id`,
      [institute.id, `${TAG}${Date.now()}-${index}`, { fr: `Cours banc ${track}` }, track, now]
    )
    courses.push(rows[0].id)
  }
  for (let index = 0; index < COHORTS; index++) {
    const start = new Date(Date.now() + (40 + index) * 86_400_000).toISOString().slice(0, 10)
    const end = new Date(Date.now() + (80 + index) * 86_400_000).toISOString().slice(0, 10)
    await pool.query(
      `INSERT INTO cohorts (course_id, institute_id, state, starts_on, ends_on, enrolment_closes_at,
         capacity, seats_taken, mode, selection, created_at, updated_at)
       VALUES ($1, $2, 'open', $3, $4, $5, 30, $6, 'on_site', 'fcfs', $7, $7)`,
      [
        courses[index % 4],
        institute.id,
        start,
        end,
        new Date(Date.now() + 30 * 86_400_000),
        index % 30,
        now,
      ]
    )
  }
  return { instituteId: institute.id, courses }
}

async function deleteCohorts(pool, { instituteId, courses }) {
  await pool.query(`DELETE FROM cohorts WHERE institute_id = $1`, [instituteId])
  await pool.query(`DELETE FROM courses WHERE id = ANY($1)`, [courses])
  await pool.query(`DELETE FROM institutes WHERE id = $1`, [instituteId])
}

// ---------------------------------------------------------------------------------------
// Measurement
// ---------------------------------------------------------------------------------------

async function ensureAssets(log) {
  if (existsSync(`${ROOT}public/assets/.vite/manifest.json`)) return
  log('building assets (vite build)')
  const vite = realpathSync(`${ROOT}node_modules/.bin/vite`)
  const child = spawn(process.execPath, [vite, 'build'], { cwd: ROOT, stdio: 'inherit' })
  const code = await new Promise((resolve) => child.on('exit', resolve))
  if (code !== 0) throw new Error(`vite build failed (exit code ${code})`)
}

async function start(name, args, env, extra = {}) {
  const port = await freePort()
  const child = startProcess(name, process.execPath, args, {
    ...process.env,
    ...env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORT: String(port),
    ...extra(port),
  })
  return { child, url: `http://127.0.0.1:${port}${PATH}` }
}

/** The page's HTML once the server answers 200 (it is not JSON: lib's waitForHttp is). */
async function waitForPage(url, child, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs
  let last = 'no answer'
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${child.name} exited before answering:\n${child.outputTail()}`)
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) })
      if (response.ok) return response.text()
      last = `HTTP ${response.status}`
    } catch (error) {
      last = error.cause?.code ?? error.message
    }
    await sleep(250)
  }
  throw new Error(`${child.name} did not answer ${url} within ${timeoutMs / 1000} s (${last})`)
}

const cohortIds = (html) =>
  [...new Set([...html.matchAll(/href="\/training\/cohorts\/(\d+)"/g)].map((m) => m[1]))].join(',')

async function warmUp(label, url, log) {
  const options = { connections: CONNECTIONS, seconds: WARMUP_SECONDS }
  const blocks = [await load(url, options)]
  while (blocks.length < WARMUP_MAX_BLOCKS) {
    blocks.push(await load(url, options))
    const [previous, last] = blocks.slice(-2).map((block) => block.rps)
    if (Math.abs(last - previous) / previous <= WARMUP_STABLE) break
  }
  log(`warm-up ${label}: ${blocks.map((block) => block.rps.toFixed(0)).join(' → ')} req/s`)
}

const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length
const round = (value, digits) => Number(value.toFixed(digits))
const describe = (label, f) =>
  `${label.padEnd(10)} ${f.rps.toFixed(0).padStart(6)} req/s  p50 ${f.p50} ms  p99 ${f.p99} ms  errors ${f.errors}`

export async function trainingCatalogue({ env, log }) {
  await ensureAssets(log)
  const pool = poolFrom(env)
  const seeded = await seedCohorts(pool)
  let portal
  let baseline
  try {
    portal = await start(
      'portal',
      ['--import', '@poppinss/ts-exec', 'bin/server.ts'],
      env,
      (port) => ({
        APP_URL: `http://127.0.0.1:${port}`,
      })
    )
    baseline = await start(
      'baseline',
      ['bench/training_catalogue.js', '--baseline'],
      env,
      () => ({})
    )
    const [portalHtml, baselineHtml] = await Promise.all([
      waitForPage(portal.url, portal.child),
      waitForPage(baseline.url, baseline.child),
    ])
    if (cohortIds(portalHtml) !== cohortIds(baselineHtml)) {
      throw new Error(
        `portal and baseline list different cohorts: [${cohortIds(portalHtml)}] vs [${cohortIds(baselineHtml)}]`
      )
    }
    log(
      `${cohortIds(portalHtml).split(',').length} cohorts on the page; ${CONNECTIONS} connections`
    )

    const options = { connections: CONNECTIONS, seconds: ROUND_SECONDS }
    await warmUp('portal', portal.url, log)
    await warmUp('baseline', baseline.url, log)
    const portalRuns = []
    const baselineRuns = []
    for (let i = 1; i <= ROUNDS; i++) {
      portalRuns.push(await load(portal.url, options))
      log(describe(`A${i} portal`, portalRuns.at(-1)))
      baselineRuns.push(await load(baseline.url, options))
      log(describe(`B${i} bare`, baselineRuns.at(-1)))
    }
    const control = [await load(portal.url, options), await load(portal.url, options)]
    control.forEach((run, i) => log(describe(`A/A ${i + 1}`, run)))

    const portalRps = mean(portalRuns.map((run) => run.rps))
    const baselineRps = mean(baselineRuns.map((run) => run.rps))
    const ratio = portalRps / baselineRps
    const portalP99 = Math.max(...portalRuns.map((run) => run.p99))
    const baselineP99 = Math.max(...baselineRuns.map((run) => run.p99))
    const portalErrors = portalRuns.reduce((sum, run) => sum + run.errors, 0)
    const controlErrors = control.reduce((sum, run) => sum + run.errors, 0)
    const controlPercent =
      (Math.abs(control[1].rps - control[0].rps) / mean(control.map((run) => run.rps))) * 100

    return [
      {
        name: 'training_catalogue',
        value: round(portalRps, 1),
        unit: 'req/s',
        baseline: round(baselineRps, 1),
        ratio: round(ratio, 3),
        target: TARGET_RATIO,
        ok: ratio >= TARGET_RATIO && portalErrors === 0,
        display: {
          portal: portalRps.toFixed(0),
          baseline: baselineRps.toFixed(0),
          ratio: ratio.toFixed(2),
          p99: String(portalP99),
          errors: String(portalErrors),
          target: `≥ ${TARGET_RATIO}×`,
        },
      },
      {
        name: 'training_catalogue.p99',
        value: portalP99,
        unit: 'ms',
        baseline: baselineP99,
        ratio: round(portalP99 / Math.max(baselineP99, 1), 2),
        target: TARGET_P99_MS,
        ok: portalP99 <= TARGET_P99_MS && portalErrors === 0,
        display: {
          p99: `${portalP99} (bare ${baselineP99})`,
          errors: String(portalErrors),
          target: `≤ ${TARGET_P99_MS} ms`,
        },
      },
      {
        name: 'training_catalogue.aa_control',
        value: round(controlPercent, 1),
        unit: '%',
        baseline: null,
        ratio: round(control[1].rps / control[0].rps, 3),
        target: TARGET_AA_PERCENT,
        ok: controlPercent <= TARGET_AA_PERCENT && controlErrors === 0,
        display: {
          portal: `${control[0].rps.toFixed(0)} → ${control[1].rps.toFixed(0)}`,
          errors: String(controlErrors),
          target: `± ${TARGET_AA_PERCENT} %`,
        },
      },
    ]
  } finally {
    await Promise.all([
      portal && stopProcess(portal.child),
      baseline && stopProcess(baseline.child),
    ])
    await deleteCohorts(pool, seeded)
    await pool.end()
  }
}

if (process.argv.includes('--baseline')) serveBaseline()
