/*
| training_catalogue: GET /training (the public catalogue of Jazari cohorts, a full page:
| session, CSRF, Edge) against a bare node:http + pg server running the same query and
| writing an equivalent page, DESIGN §9's method: both started in this run → same cohorts
| checked → warm-up → A B A' B' × 5
| (4 s each, 32 connections; A/A control within ±10 %, else "noisy") → a profiled portal
| under the same load (bench/profiles/training_catalogue.md).
|
| The cohorts it lists are its own: it inserts an institute, four courses and 20 open
| cohorts (codes BENCH-TC-*) before and deletes them after, whatever happens.
|
| `node bench/training_catalogue.js --baseline` is the baseline server itself.
*/
import { readFileSync } from 'node:fs'
import pg from 'pg'
import {
  ROOT,
  compareWithBaseline,
  profilePortal,
  ensureAssets,
  pgConnection,
  serveBarePage,
  startPortal,
  startServer,
  stopProcess,
  waitForServer,
} from './lib.js'

const PATH = '/training'
const TARGET_RATIO = 0.35 // a full page ≥ 0.35 × the baseline's throughput (DESIGN §9)
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
  return new pg.Pool({ ...pgConnection(env), max: 10 })
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
  serveBarePage(PATH, pool, async () => {
    const { rows } = await pool.query(sql, [new Date(), null, null, null, null, null, PER_PAGE, 0])
    return `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Formations Jazari</title></head>
<body><main><h1>Formations Jazari</h1><p>${rows[0]?.total ?? 0} cohortes ouvertes</p>
<ul class="catalogue-grid">${rows.map(card).join('')}</ul></main></body></html>`
  })
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

/** The page's HTML once the server answers 200. */
const pageOnceUp = (server) =>
  waitForServer(`${server.origin}${PATH}`, server.child).then((response) => response.text())

const cohortIds = (html) =>
  [...new Set([...html.matchAll(/href="\/training\/cohorts\/(\d+)"/g)].map((m) => m[1]))].join(',')

export async function trainingCatalogue({ env, log }) {
  await ensureAssets(log)
  const pool = poolFrom(env)
  const seeded = await seedCohorts(pool)
  let portal
  let baseline
  try {
    portal = await startPortal(env)
    baseline = await startServer('baseline', ['bench/training_catalogue.js', '--baseline'], env)
    const [portalHtml, baselineHtml] = await Promise.all([pageOnceUp(portal), pageOnceUp(baseline)])
    if (cohortIds(portalHtml) !== cohortIds(baselineHtml)) {
      throw new Error(
        `portal and baseline list different cohorts: [${cohortIds(portalHtml)}] vs [${cohortIds(baselineHtml)}]`
      )
    }
    log(`${cohortIds(portalHtml).split(',').length} cohorts on the page`)
    const rows = await compareWithBaseline({
      name: 'training_catalogue',
      portal: { url: `${portal.origin}${PATH}`, pid: portal.child.pid },
      baseline: { url: `${baseline.origin}${PATH}`, pid: baseline.child.pid },
      targetRatio: TARGET_RATIO,
      log,
    })
    await Promise.all([stopProcess(portal.child), stopProcess(baseline.child)])
    await profilePortal({
      name: 'training_catalogue',
      env,
      log,
      prepare: async (server) => {
        await pageOnceUp(server)
        return { url: `${server.origin}${PATH}` }
      },
    })
    return rows
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
