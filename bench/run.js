/*
| `npm run bench` runs every benchmark; `npm run bench -- NAME [NAME…]` runs some.
| Prints a table and updates bench/results.json (DESIGN §9).
|
| Adding a benchmark: write an async function ({ env, log }) that starts what it needs
| (bench/lib.js), measures, stops what it started, and returns result rows
| { name, value, unit, baseline, ratio, target, ok, display? }; register it below.
| `display` holds the table's cells for that row and is not written to results.json.
*/
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { ROOT, ensureBuild, loadEnv, stopAll } from './lib.js'
import { apiCalls } from './api_calls.js'
import { pdfReceipts } from './pdf_receipts.js'
import { eligibility } from './eligibility.js'
import { reevaluation } from './reevaluation.js'
import { ranking } from './ranking.js'
import { trainingCatalogue } from './training_catalogue.js'
import { paymentRun } from './payment_run.js'
import { assignment } from './assignment.js'
import { reviewerQueue } from './reviewer_queue.js'
import { callPage } from './call_page.js'
import { applicationPage, financeQueue } from './signed_in_pages.js'
import { dashboard } from './dashboard.js'

const BENCHMARKS = {
  api_calls: apiCalls,
  pdf_receipts: pdfReceipts,
  eligibility,
  reevaluation,
  ranking,
  assignment,
  reviewer_queue: reviewerQueue,
  payment_run: paymentRun,
  training_catalogue: trainingCatalogue,
  call_page: callPage,
  application_page: applicationPage,
  finance_queue: financeQueue,
  dashboard,
}

/** The entries that measure the running portal: they need the production build. */
const SERVER_BENCHMARKS = new Set([
  'api_calls',
  'reviewer_queue',
  'training_catalogue',
  'call_page',
  'application_page',
  'finance_queue',
  'dashboard',
])

/** No entry may run longer than this: load tests stop by themselves. */
const ENTRY_TIME_LIMIT_MS = 5 * 60_000
const RESULTS_FILE = `${ROOT}bench/results.json`

function selectedNames(args) {
  if (args.length === 0) return Object.keys(BENCHMARKS)
  const unknown = args.filter((name) => !(name in BENCHMARKS))
  if (unknown.length > 0) {
    console.error(
      `Unknown benchmark ${unknown.join(', ')}. Known: ${Object.keys(BENCHMARKS).join(', ')}`
    )
    process.exit(2)
  }
  return args
}

/** Runs one entry under a time limit; its child processes are stopped whatever happens. */
async function runEntry(name, env) {
  const log = (message) => console.log(`[${name}] ${message}`)
  let timer
  // An entry that seeds a large database once may ask for longer (bench/dashboard.js).
  const limitMs = BENCHMARKS[name].timeLimitMs ?? ENTRY_TIME_LIMIT_MS
  const timeLimit = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`gave up after ${limitMs / 1000} s`)), limitMs)
  })
  try {
    return await Promise.race([BENCHMARKS[name]({ env, log }), timeLimit])
  } finally {
    clearTimeout(timer)
    await stopAll()
  }
}

const COLUMNS = [
  ['name', (row) => row.name],
  ['req/s portal', (row) => row.display?.portal ?? ''],
  ['req/s baseline', (row) => row.display?.baseline ?? ''],
  ['ratio', (row) => row.display?.ratio ?? (row.ratio === null ? '' : String(row.ratio))],
  ['p99 ms', (row) => row.display?.p99 ?? ''],
  ['errors', (row) => row.display?.errors ?? ''],
  ['target', (row) => row.display?.target ?? String(row.target)],
  ['ok', (row) => (row.ok ? 'yes' : 'NO')],
]

function printTable(rows) {
  const cells = [
    COLUMNS.map(([title]) => title),
    ...rows.map((row) => COLUMNS.map(([, cell]) => cell(row))),
  ]
  const widths = COLUMNS.map((_, i) => Math.max(...cells.map((line) => line[i].length)))
  const format = (line) =>
    line.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ')
  console.log(`\n${format(cells[0])}\n${widths.map((width) => '-'.repeat(width)).join('  ')}`)
  cells.slice(1).forEach((line) => console.log(format(line)))
}

/**
 * Replaces the rows of the entries that ran (NAME, NAME.* and NAME_*, as payment_run's
 * payment_run_prepare) and keeps the others, so `npm run bench -- NAME` refreshes one entry
 * without losing the rest, nor keeping a stale row of its own beside the fresh one.
 */
function writeResults(names, rows) {
  const ranHere = (row) =>
    names.some(
      (name) =>
        row.name === name || row.name.startsWith(`${name}.`) || row.name.startsWith(`${name}_`)
    )
  const previous = existsSync(RESULTS_FILE) ? JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) : []
  // DESIGN §9's shape, plus what a row may add: its A/A control, why it is not a figure,
  // and the server's CPU time per request.
  const fresh = rows.map(
    ({ name, value, unit, baseline, ratio, target, ok, control, reason, cpuMsPerRequest }) => ({
      name,
      value,
      unit,
      baseline: baseline ?? null,
      ratio: ratio ?? null,
      target,
      ok,
      ...(control === undefined ? {} : { control }),
      ...(reason === undefined ? {} : { reason }),
      ...(cpuMsPerRequest === undefined ? {} : { cpuMsPerRequest }),
    })
  )
  const results = [...previous.filter((row) => !ranHere(row)), ...fresh]
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`)
}

async function main() {
  const names = selectedNames(process.argv.slice(2))
  const env = loadEnv()
  const rows = []
  const succeeded = []
  let failed = false
  // Built once, before any entry's time limit starts (about 40 s; reused while up to date).
  if (names.some((name) => SERVER_BENCHMARKS.has(name))) await ensureBuild()
  for (const name of names) {
    try {
      rows.push(...(await runEntry(name, env)))
      succeeded.push(name)
    } catch (error) {
      failed = true
      console.error(`[${name}] failed: ${error.message}`)
    }
  }
  if (rows.length > 0) {
    printTable(rows)
    writeResults(succeeded, rows)
    const met = rows.filter((row) => row.ok).length
    console.log(`\n${met} of ${rows.length} targets met; written to bench/results.json`)
  }
  process.exit(failed ? 1 : 0)
}

// Ctrl-C: stop the servers before leaving (lib.js also SIGKILLs them on exit).
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => stopAll().finally(() => process.exit(130)))
}

main()
