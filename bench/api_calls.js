/*
| api_calls: GET /api/v1/calls, the portal (production mode) against the bare baseline
| (bench/baseline_server.js), DESIGN §9's method:
|
|   both started in this run → same answer checked → 3 s warm-up each →
|   A B A B A B (5 s each, 32 connections) → A/A control (portal twice, within ±10 %)
*/
import { existsSync, realpathSync } from 'node:fs'
import { spawn } from 'node:child_process'
import { ROOT, freePort, load, startProcess, stopProcess, waitForHttp } from './lib.js'

const PATH = '/api/v1/calls'
const CONNECTIONS = 32
const WARMUP_SECONDS = 3 // per warm-up block
const WARMUP_MAX_BLOCKS = 8
const WARMUP_STABLE = 0.05 // two blocks in a row within 5 %: warm
const ROUND_SECONDS = 5
const ROUNDS = 3
const TARGET_RATIO = 0.5 // a JSON endpoint ≥ 0.5 × the baseline's throughput
const TARGET_P99_MS = 500
const TARGET_AA_PERCENT = 10

/** The portal serves built assets in production; build them once if they are missing. */
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
      APP_URL: `http://127.0.0.1:${port}`,
    }
  )
  return { child, url: `http://127.0.0.1:${port}${PATH}` }
}

async function startBaseline(env) {
  const port = await freePort()
  const child = startProcess('baseline', process.execPath, ['bench/baseline_server.js'], {
    ...process.env,
    ...env,
    NODE_ENV: 'production',
    PORT: String(port),
  })
  return { child, url: `http://127.0.0.1:${port}${PATH}` }
}

/**
 * A ratio means something only if both sides do the same work: same rows, same shape.
 * Different rows is an error; a different shape is only worth a warning.
 */
function compareAnswers(portalBody, baselineBody, log) {
  const ids = (body) => body.data.map((call) => call.id).join(',')
  if (ids(portalBody) !== ids(baselineBody)) {
    throw new Error(
      `portal and baseline list different calls: [${ids(portalBody)}] vs [${ids(baselineBody)}]`
    )
  }
  if (JSON.stringify(portalBody) !== JSON.stringify(baselineBody)) {
    log('warning: same calls, but the JSON differs from the baseline; first item of each:')
    log(`  portal:   ${JSON.stringify(portalBody.data[0])}`)
    log(`  baseline: ${JSON.stringify(baselineBody.data[0])}`)
  }
  if (portalBody.data.length === 0) {
    log('warning: no open calls in the database; seed it (node ace db:seed) for a real figure')
  }
}

/**
 * At least one 3 s block, then more until two blocks in a row agree within 5 %: the
 * portal's JIT keeps speeding it up for some 20 s under load, and a ratio taken while
 * one side is still warming measures the warm-up, not the server.
 */
async function warmUp(label, url, log) {
  const options = { connections: CONNECTIONS, seconds: WARMUP_SECONDS }
  const blocks = [await load(url, options)]
  while (blocks.length < WARMUP_MAX_BLOCKS) {
    blocks.push(await load(url, options))
    const [previous, last] = blocks.slice(-2).map((block) => block.rps)
    if (Math.abs(last - previous) / previous <= WARMUP_STABLE) break
  }
  const rates = blocks.map((block) => block.rps.toFixed(0)).join(' → ')
  log(`warm-up ${label}: ${blocks.length * WARMUP_SECONDS} s (${rates} req/s)`)
}

const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length
const round = (value, digits) => Number(value.toFixed(digits))

function describe(label, figures) {
  return (
    `${label.padEnd(10)} ${figures.rps.toFixed(0).padStart(6)} req/s  ` +
    `p50 ${figures.p50} ms  p99 ${figures.p99} ms  errors ${figures.errors}`
  )
}

export async function apiCalls({ env, log }) {
  await ensureAssets(log)
  const portal = await startPortal(env)
  const baseline = await startBaseline(env)
  try {
    const [portalBody, baselineBody] = await Promise.all([
      waitForHttp(portal.url, portal.child),
      waitForHttp(baseline.url, baseline.child),
    ])
    compareAnswers(portalBody, baselineBody, log)
    log(`${portalBody.data.length} open calls; ${CONNECTIONS} connections`)

    const options = { connections: CONNECTIONS, seconds: ROUND_SECONDS }
    await warmUp('portal', portal.url, log)
    await warmUp('baseline', baseline.url, log)

    // Interleaved, so that whatever else the machine does affects both sides alike.
    const portalRuns = []
    const baselineRuns = []
    for (let i = 1; i <= ROUNDS; i++) {
      portalRuns.push(await load(portal.url, options))
      log(describe(`A${i} portal`, portalRuns.at(-1)))
      baselineRuns.push(await load(baseline.url, options))
      log(describe(`B${i} bare`, baselineRuns.at(-1)))
    }

    // A/A control: the same server twice; if two identical runs differ by more than
    // 10 %, the machine is too noisy for the ratio to mean anything.
    const control = [await load(portal.url, options), await load(portal.url, options)]
    control.forEach((run, i) => log(describe(`A/A ${i + 1}`, run)))

    const portalRps = mean(portalRuns.map((run) => run.rps))
    const baselineRps = mean(baselineRuns.map((run) => run.rps))
    const ratio = portalRps / baselineRps
    // The worst round, not the average: p99 is a promise about every period.
    const portalP99 = Math.max(...portalRuns.map((run) => run.p99))
    const baselineP99 = Math.max(...baselineRuns.map((run) => run.p99))
    const portalErrors = portalRuns.reduce((sum, run) => sum + run.errors, 0)
    const baselineErrors = baselineRuns.reduce((sum, run) => sum + run.errors, 0)
    if (baselineErrors > 0) log(`warning: the baseline had ${baselineErrors} errors`)
    const controlErrors = control.reduce((sum, run) => sum + run.errors, 0)
    const controlRatio = control[1].rps / control[0].rps
    const controlPercent =
      (Math.abs(control[1].rps - control[0].rps) / mean(control.map((run) => run.rps))) * 100

    return [
      {
        name: 'api_calls',
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
        name: 'api_calls.p99',
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
        name: 'api_calls.aa_control',
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
  } finally {
    await Promise.all([stopProcess(portal.child), stopProcess(baseline.child)])
  }
}
