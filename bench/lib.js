/*
| What every benchmark entry needs: the project's .env, free ports, child processes that
| are always stopped, the portal and baseline servers, readiness checks, autocannon runs
| and DESIGN §9's portal-against-baseline comparison, scratch databases. Everything talks
| to 127.0.0.1.
*/
import { spawn } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer as createHttpServer } from 'node:http'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { parseEnv } from 'node:util'
import autocannon from 'autocannon'
import pg from 'pg'
import { profileMarkdown, summarizeProfile } from './profile_summary.js'

export const ROOT = fileURLToPath(new URL('../', import.meta.url))

/**
 * The project's .env as AdonisJS reads it: node:util's parser, `$VAR` / `${VAR}`
 * expanded, the process environment winning over the file.
 */
export function loadEnv() {
  const file = `${ROOT}.env`
  if (!existsSync(file)) {
    throw new Error('No .env: run `npm start` once (it writes .env and seeds the demo data).')
  }
  const parsed = parseEnv(readFileSync(file, 'utf8'))
  const lookup = (key) => process.env[key] || expand(parsed[key] ?? '')
  const expand = (value) =>
    value.replace(/\\\$|\$\{\s*(\w+)\s*\}|\$(\w+)/g, (match, braced, bare) =>
      match === '\\$' ? '$' : lookup(braced ?? bare)
    )
  return Object.fromEntries(Object.keys(parsed).map((key) => [key, lookup(key)]))
}

/** A port nobody listens on right now (the OS picks it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

// ---------------------------------------------------------------------------------------
// Child processes: tracked from spawn to exit, so that no server outlives the run.
// ---------------------------------------------------------------------------------------

const running = new Set()

/**
 * Starts a server process. Its output is kept (last 50 lines) rather than shown, so the
 * table stays readable; it is printed if the process fails. Each child leads its own
 * process group, so stopping it also stops anything it started.
 */
export function startProcess(name, command, args, env, cwd = ROOT) {
  const child = spawn(command, args, {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  const output = []
  const keep = (chunk) => {
    output.push(...chunk.toString().split('\n').filter(Boolean))
    output.splice(0, Math.max(0, output.length - 50))
  }
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  child.name = name
  child.outputTail = () => output.join('\n')
  child.exited = new Promise((resolve) => child.on('exit', resolve))
  running.add(child)
  child.on('exit', () => running.delete(child))
  return child
}

function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal)
  } catch {
    // already gone
  }
}

/** SIGTERM, then SIGKILL after 5 s: a server that hangs on shutdown must not hang us. */
export async function stopProcess(child, graceMs = 5000) {
  if (child.exitCode !== null || child.signalCode !== null) return
  signalGroup(child, 'SIGTERM')
  const killed = await Promise.race([
    child.exited.then(() => false),
    sleep(graceMs).then(() => true),
  ])
  if (killed) {
    signalGroup(child, 'SIGKILL')
    await child.exited
  }
}

export async function stopAll() {
  await Promise.all([...running].map(stopProcess))
}

// Whatever ends this process (an error, Ctrl-C, the watchdog) ends its servers too.
process.on('exit', () => running.forEach((child) => signalGroup(child, 'SIGKILL')))

/**
 * Polls `url` until `ready(response)` (by default: it answers 200) and returns that
 * response; fails fast with the server's output if the server dies.
 */
export async function waitForServer(
  url,
  child,
  { ready = (response) => response.ok, timeoutMs = 60_000 } = {}
) {
  const deadline = Date.now() + timeoutMs
  let last = 'no answer'
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${child.name} exited before answering:\n${child.outputTail()}`)
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) })
      if (ready(response)) return response
      last = `HTTP ${response.status}`
    } catch (error) {
      last = error.cause?.code ?? error.message
    }
    await sleep(250)
  }
  throw new Error(
    `${child.name} did not answer ${url} within ${timeoutMs / 1000} s (${last}):\n${child.outputTail()}`
  )
}

// ---------------------------------------------------------------------------------------
// Servers: the portal in production mode, and the bare baselines it is measured against.
// ---------------------------------------------------------------------------------------

/** The portal serves built assets in production; build them once if they are missing. */
export async function ensureAssets(log) {
  if (existsSync(`${ROOT}public/assets/.vite/manifest.json`)) return
  log('building assets (vite build)')
  const vite = realpathSync(`${ROOT}node_modules/.bin/vite`)
  const child = spawn(process.execPath, [vite, 'build'], { cwd: ROOT, stdio: 'inherit' })
  const code = await new Promise((resolve) => child.on('exit', resolve))
  if (code !== 0) throw new Error(`vite build failed (exit code ${code})`)
}

/**
 * A node server (`args` after node's path) in production mode on a free port of
 * 127.0.0.1; `extraEnv` is added last. Returns the process and its origin.
 */
export async function startServer(name, args, env, extraEnv = {}, cwd = ROOT) {
  const port = await freePort()
  const origin = `http://127.0.0.1:${port}`
  const child = startProcess(
    name,
    process.execPath,
    args,
    {
      ...process.env,
      ...env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
      APP_URL: origin,
      ...extraEnv,
    },
    cwd
  )
  return { child, origin }
}

/**
 * The body of a bare baseline server (node:http + pg, no router, session or template
 * engine): GET `path` answers the HTML `render()` resolves to (500 with the error's
 * message if it throws), anything else 404. Listens on 127.0.0.1:$PORT; SIGTERM or
 * SIGINT close it and `pool`.
 */
export function serveBarePage(path, pool, render) {
  const server = createHttpServer(async (request, response) => {
    if (request.method !== 'GET' || request.url.split('?')[0] !== path) {
      response.writeHead(404).end()
      return
    }
    try {
      const html = await render()
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
// The portal as production runs it: `node ace build` → build/bin/server.js
// ---------------------------------------------------------------------------------------

const BUILD = `${ROOT}build/`
const BUILD_STAMP = `${BUILD}.bench-sources`
/** What `node ace build` compiles or copies; public/assets is the build's own output. */
const BUILD_INPUTS = [
  'app',
  'bin',
  'commands',
  'config',
  'database',
  'providers',
  'resources',
  'start',
  'public',
  '.adonisjs',
  'adonisrc.ts',
  'vite.config.ts',
  'tsconfig.json',
  'package.json',
  'package-lock.json',
]

/** The newest modification time (ms) among the build's inputs. */
function newestSourceMs() {
  let newest = 0
  const visit = (path) => {
    if (path === `${ROOT}public/assets`) return
    let stat
    try {
      stat = statSync(path)
    } catch {
      return
    }
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) visit(join(path, entry))
    } else {
      newest = Math.max(newest, stat.mtimeMs)
    }
  }
  BUILD_INPUTS.forEach((input) => visit(`${ROOT}${input}`))
  return newest
}

let built

/**
 * The production build (`node ace build`, assets included), made once per bench run and
 * reused while no source is newer than the one it was built from (build/.bench-sources).
 * BENCH_BUILD=reuse measures build/ as it is (an older build, to compare against).
 */
export function ensureBuild(log = console.log) {
  built ??= (async () => {
    if (process.env.BENCH_BUILD === 'reuse' && existsSync(`${BUILD}bin/server.js`)) {
      log('BENCH_BUILD=reuse: measuring build/ as it is, whatever changed since')
      return
    }
    const newest = newestSourceMs()
    const stamp = existsSync(BUILD_STAMP) ? Number(readFileSync(BUILD_STAMP, 'utf8')) : 0
    if (existsSync(`${BUILD}bin/server.js`) && stamp >= newest) {
      log('production build up to date (build/)')
      return
    }
    log('building the portal for production (node ace build)')
    const child = spawn(process.execPath, ['ace.js', 'build'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    })
    const code = await new Promise((resolve) => child.on('exit', resolve))
    if (code !== 0) throw new Error(`node ace build failed (exit code ${code})`)
    // The build regenerates .adonisjs/ itself: stamp what the sources are after it.
    writeFileSync(BUILD_STAMP, String(newestSourceMs()))
  })()
  return built
}

/**
 * The portal as production runs it: the compiled build/bin/server.js (no TypeScript
 * loader), NODE_ENV=production, from build/ with the project's node_modules (as
 * bin/production_smoke.js runs it). `nodeArgs` go before the script (--cpu-prof …).
 */
export async function startPortal(env, { name = 'portal', nodeArgs = [] } = {}) {
  await ensureBuild()
  return startServer(name, [...nodeArgs, 'bin/server.js'], env, {}, BUILD)
}

// ---------------------------------------------------------------------------------------
// Load
// ---------------------------------------------------------------------------------------

/**
 * CPU time (user + system, ms) a process has used so far, read from /proc: the server's
 * own work per request, which the rest of the machine's load hardly changes (unlike
 * throughput). Null where /proc is not there.
 */
export function cpuTimeMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Fields after the command name (which may hold spaces): utime and stime are 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS
  } catch {
    return null
  }
}

const CLOCK_TICKS = 100 // USER_HZ on Linux

/** The value below which `share` of the sorted `values` lie. */
const percentile = (sorted, share) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))]

/**
 * One autocannon run against a 127.0.0.1 URL, bounded by `seconds`, with request
 * `headers` (a session cookie) if any. Returns the figures the table needs; every failure
 * mode (socket errors, timeouts, non-2xx) counts as an error. With `pid`, also the CPU
 * time that process spent per request during the run.
 */
export async function load(url, { connections = 32, seconds = 5, headers = {}, pid } = {}) {
  if (new URL(url).hostname !== '127.0.0.1') throw new Error(`refusing to load ${url}`)
  const latencies = []
  const cpuBefore = pid ? cpuTimeMs(pid) : null
  const instance = autocannon({
    url,
    headers,
    connections,
    duration: seconds,
    timeout: 10, // seconds per request
  })
  // autocannon's summary has p90 and p97.5 but no p95: keep every response time.
  instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime))
  const result = await instance
  const cpuAfter = pid ? cpuTimeMs(pid) : null
  latencies.sort((a, b) => a - b)
  return {
    rps: result.requests.total / result.duration,
    requests: result.requests.total,
    p50: result.latency.p50,
    p95: Math.round(percentile(latencies, 0.95)),
    p99: result.latency.p99,
    errors: result.errors + result.non2xx, // autocannon's errors already include timeouts
    cpuMsPerRequest:
      cpuBefore === null || cpuAfter === null || result.requests.total === 0
        ? null
        : (cpuAfter - cpuBefore) / result.requests.total,
  }
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/**
 * In a measuring child process: the app booted as `node ace` boots it (console
 * environment, TypeScript loader). Returns it, for `app.terminate()` at the end.
 */
export async function bootApp() {
  const { createIgnitor } = await import('../bin/ignitor.ts')
  const app = createIgnitor().createApp('console')
  await app.init()
  await app.boot()
  await app.start(() => {})
  return app
}

/**
 * Runs `script` in a child process (TypeScript loader, production mode) that measures in
 * process and prints its figures as one JSON line last; returns that object.
 */
export async function measureInChild(name, script, env, timeLimitMs) {
  const child = startProcess(name, process.execPath, ['--import', '@poppinss/ts-exec', script], {
    ...process.env,
    ...env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
  })
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  const timer = setTimeout(() => stopProcess(child), timeLimitMs)
  const code = await child.exited
  clearTimeout(timer)
  const line = output.trim().split('\n').at(-1) ?? ''
  if (code !== 0 || !line.startsWith('{')) {
    throw new Error(`the measuring process failed (exit code ${code}):\n${child.outputTail()}`)
  }
  return JSON.parse(line)
}

// ---------------------------------------------------------------------------------------
// DESIGN §9's method: a portal route against its bare baseline
// ---------------------------------------------------------------------------------------

const CONNECTIONS = 32
const WARMUP_SECONDS = 3 // per warm-up block
const WARMUP_MIN_BLOCKS = 6 // two windows of three blocks to compare
const WARMUP_MAX_BLOCKS = 20
const WARMUP_STABLE = 0.05 // the last three blocks within 5 % of their mean …
const WARMUP_RISE = 0.03 // … and at most 3 % faster than the three before: warm
const ROUND_SECONDS = 5
// Rounds of A B A' B'. A page's throughput over 5 s varies by some ±8 % from one window to
// the next (JIT, GC, two cores shared with PostgreSQL and the load generator): five rounds
// a side keep the A/A control's own noise well under its 10 % limit.
const ROUNDS = 5
const TARGET_P95_MS = 200
const TARGET_P99_MS = 500
const TARGET_AA_PERCENT = 10
const PROFILE_SECONDS = 8

const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length
const round = (value, digits) => (value === null ? null : Number(value.toFixed(digits)))

function describe(label, figures) {
  const cpu =
    figures.cpuMsPerRequest === null ? '' : `  cpu ${figures.cpuMsPerRequest.toFixed(2)} ms/req`
  return (
    `${label.padEnd(10)} ${figures.rps.toFixed(0).padStart(6)} req/s  ` +
    `p50 ${figures.p50} ms  p95 ${figures.p95} ms  p99 ${figures.p99} ms  errors ${figures.errors}${cpu}`
  )
}

/**
 * At least 18 s of 3 s blocks, then more until the last three agree within 5 % of their
 * mean and are no more than 3 % faster than the three before them: the portal's JIT keeps
 * speeding it up under load for most of a minute, and three blocks still climbing by 3 %
 * each agree within 5 %. A ratio taken while one side is still warming measures the
 * warm-up, not the server (a production process is warm for hours).
 */
async function warmUp(label, { url, headers }, log) {
  const options = { connections: CONNECTIONS, seconds: WARMUP_SECONDS, headers }
  const blocks = []
  const settled = () => {
    const rates = blocks.slice(-3).map((block) => block.rps)
    const middle = mean(rates)
    const before = mean(blocks.slice(-6, -3).map((block) => block.rps))
    return (
      rates.every((rate) => Math.abs(rate - middle) / middle <= WARMUP_STABLE) &&
      (middle - before) / before <= WARMUP_RISE
    )
  }
  while (blocks.length < WARMUP_MAX_BLOCKS) {
    blocks.push(await load(url, options))
    if (blocks.length >= WARMUP_MIN_BLOCKS && settled()) break
  }
  const rates = blocks.map((block) => block.rps.toFixed(0)).join(' → ')
  log(`warm-up ${label}: ${blocks.length * WARMUP_SECONDS} s (${rates} req/s)`)
}

/**
 * The rate of a set of runs: their median, so that one 5 s window disturbed by something
 * else on the machine moves neither the ratio nor the control.
 */
const rateOf = (runs) => median(runs.map((run) => run.rps))

/** How far apart two sets of runs of the same server are, in % of their rate. */
function spreadPercent(first, second) {
  const [a, b] = [rateOf(first), rateOf(second)]
  return (Math.abs(a - b) / ((a + b) / 2)) * 100
}

const medianCpu = (runs) => {
  const values = runs.map((run) => run.cpuMsPerRequest)
  return values.includes(null) ? null : median(values)
}

/**
 * DESIGN §9's method. Both sides warmed up → rounds of A B A' B' (portal, baseline,
 * portal again, baseline again; 5 s each at 32 connections, five rounds), so that whatever else the
 * machine does falls on both sides alike → the ratio of the median rates.
 *
 * The A/A control compares each server with itself within the run: the A runs against
 * the A' runs, the B runs against the B' runs. Identical servers should agree; if either
 * pair differs by more than 10 %, the machine was too noisy for the ratio to mean
 * anything, and the rows say "noisy" (value null, ok false, a reason) instead of a figure.
 *
 * Every run also reads each server's CPU time from /proc: CPU milliseconds per request,
 * far less sensitive to other load than throughput, is reported with each row
 * (`cpuMsPerRequest`) and its ratio logged.
 *
 * `portal` and `baseline` are `{ url, headers, pid }`, both already checked to give the
 * same answer. Returns the rows `name`, `name.p95`, `name.p99` and `name.aa_control`.
 */
export async function compareWithBaseline({ name, portal, baseline, targetRatio, log }) {
  await warmUp('portal', portal, log)
  await warmUp('baseline', baseline, log)

  const run = (side) =>
    load(side.url, {
      connections: CONNECTIONS,
      seconds: ROUND_SECONDS,
      headers: side.headers,
      pid: side.pid,
    })
  const runs = { 'A': [], 'B': [], "A'": [], "B'": [] }
  for (let i = 1; i <= ROUNDS; i++) {
    for (const [key, side] of [
      ['A', portal],
      ['B', baseline],
      ["A'", portal],
      ["B'", baseline],
    ]) {
      runs[key].push(await run(side))
      log(describe(`${key}${i} ${side === portal ? 'portal' : 'bare'}`, runs[key].at(-1)))
    }
  }

  const portalRuns = [...runs.A, ...runs["A'"]]
  const baselineRuns = [...runs.B, ...runs["B'"]]
  const portalRps = rateOf(portalRuns)
  const baselineRps = rateOf(baselineRuns)
  const ratio = portalRps / baselineRps
  // The worst round, not the average: a latency target is a promise about every period.
  const worst = (runsOfSide, key) => Math.max(...runsOfSide.map((figures) => figures[key]))
  const portalErrors = portalRuns.reduce((sum, figures) => sum + figures.errors, 0)
  const baselineErrors = baselineRuns.reduce((sum, figures) => sum + figures.errors, 0)
  if (baselineErrors > 0) log(`warning: the baseline had ${baselineErrors} errors`)

  const control = {
    portalPercent: round(spreadPercent(runs.A, runs["A'"]), 1),
    baselinePercent: round(spreadPercent(runs.B, runs["B'"]), 1),
    limitPercent: TARGET_AA_PERCENT,
  }
  control.ok = Math.max(control.portalPercent, control.baselinePercent) <= TARGET_AA_PERCENT
  const reason = control.ok
    ? undefined
    : `noisy: the A/A control differs by ${Math.max(control.portalPercent, control.baselinePercent)} % ` +
      `(portal A vs A' ${control.portalPercent} %, baseline B vs B' ${control.baselinePercent} %; ` +
      `limit ${TARGET_AA_PERCENT} %), so the machine's other load decides the figure`
  const cpu = {
    portal: round(medianCpu(portalRuns), 3),
    baseline: round(medianCpu(baselineRuns), 3),
  }
  const cpuRatio = cpu.portal && cpu.baseline ? cpu.baseline / cpu.portal : null
  if (cpuRatio !== null) {
    log(
      `CPU per request: portal ${cpu.portal} ms, baseline ${cpu.baseline} ms ` +
        `(baseline/portal ${cpuRatio.toFixed(2)})`
    )
  }
  log(
    `A/A control: portal ${control.portalPercent} %, baseline ${control.baselinePercent} % ` +
      `(limit ${TARGET_AA_PERCENT} %)${control.ok ? '' : ' → NOISY'}`
  )

  const noisyDisplay = { portal: 'noisy', ratio: 'noisy', target: `≥ ${targetRatio}×` }
  const latencyRow = (suffix, key, target) => {
    const value = worst(portalRuns, key)
    const base = worst(baselineRuns, key)
    return {
      name: `${name}.${suffix}`,
      value: control.ok ? value : null,
      unit: 'ms',
      baseline: control.ok ? base : null,
      ratio: control.ok ? round(value / Math.max(base, 1), 2) : null,
      target,
      ok: control.ok && value <= target && portalErrors === 0,
      control,
      reason,
      display: {
        p99: control.ok ? `${value} (bare ${base})` : `noisy (${value})`,
        errors: String(portalErrors),
        target: `≤ ${target} ms`,
      },
    }
  }

  return [
    {
      name,
      value: control.ok ? round(portalRps, 1) : null,
      unit: 'req/s',
      baseline: control.ok ? round(baselineRps, 1) : null,
      ratio: control.ok ? round(ratio, 3) : null,
      target: targetRatio,
      ok: control.ok && ratio >= targetRatio && portalErrors === 0,
      control,
      reason,
      cpuMsPerRequest: cpu,
      display: control.ok
        ? {
            portal: portalRps.toFixed(0),
            baseline: baselineRps.toFixed(0),
            ratio: ratio.toFixed(2),
            p99: String(worst(portalRuns, 'p99')),
            errors: String(portalErrors),
            target: `≥ ${targetRatio}×`,
          }
        : { ...noisyDisplay, errors: String(portalErrors) },
    },
    latencyRow('p95', 'p95', TARGET_P95_MS),
    latencyRow('p99', 'p99', TARGET_P99_MS),
    {
      name: `${name}.aa_control`,
      value: Math.max(control.portalPercent, control.baselinePercent),
      unit: '%',
      baseline: null,
      ratio: null,
      target: TARGET_AA_PERCENT,
      ok: control.ok,
      control,
      display: {
        portal: `A/A ${control.portalPercent} %`,
        baseline: `B/B ${control.baselinePercent} %`,
        target: `± ${TARGET_AA_PERCENT} %`,
      },
    },
  ]
}

/**
 * Where a page's time goes: a second portal started with `--cpu-prof`, warmed up, then
 * loaded for 8 s; only the samples of that window are summed (bench/profile_summary.js)
 * and written to bench/profiles/NAME.md with the CPU time per request. `prepare(origin)`
 * returns the `{ url, headers }` to load on that portal (a login, say).
 */
export async function profilePortal({ name, env, prepare, log, notes = [] }) {
  const directory = mkdtempSync(join(tmpdir(), `bench-${name}-`))
  const server = await startPortal(env, {
    name: 'portal (profiled)',
    nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${directory}`],
  })
  try {
    const side = await prepare(server)
    await load(side.url, { connections: CONNECTIONS, seconds: 5, headers: side.headers })
    const from = monotonicMicroseconds()
    const figures = await load(side.url, {
      connections: CONNECTIONS,
      seconds: PROFILE_SECONDS,
      headers: side.headers,
      pid: server.child.pid,
    })
    const to = monotonicMicroseconds()
    // The profile is written when the process exits by itself: give it time to.
    await stopProcess(server.child, 30_000)
    const file = readdirSync(directory).find((entry) => entry.endsWith('.cpuprofile'))
    if (!file) {
      log('warning: the profiled portal wrote no profile (killed before it could exit)')
      return
    }
    const raw = readFileSync(join(directory, file), 'utf8')
    const profile = JSON.parse(raw)
    const summary = summarizeProfile(profile, 30, { from, to })
    mkdirSync(`${ROOT}bench/profiles`, { recursive: true })
    // The raw profile too, for Chrome's DevTools (not committed: several MB).
    writeFileSync(`${ROOT}bench/profiles/${name}.cpuprofile`, raw)
    writeFileSync(
      `${ROOT}bench/profiles/${name}.md`,
      profileMarkdown(`${name}: where a request's time goes`, summary, [
        `Written by \`npm run bench -- ${name}\`: a portal started with --cpu-prof, warmed up, then ` +
          `${PROFILE_SECONDS} s at ${CONNECTIONS} connections (${figures.requests} requests, ` +
          `${figures.cpuMsPerRequest?.toFixed(2) ?? '?'} ms of portal CPU per request); only samples of that window.`,
        ...notes,
      ])
    )
    log(`profile written to bench/profiles/${name}.md`)
  } finally {
    await stopProcess(server.child)
    rmSync(directory, { recursive: true, force: true })
  }
}

/** CLOCK_MONOTONIC in µs, the clock of V8's profile timestamps. */
const monotonicMicroseconds = () => Number(process.hrtime.bigint() / 1000n)

// ---------------------------------------------------------------------------------------
// PostgreSQL: connections and scratch databases
// ---------------------------------------------------------------------------------------

/** node-postgres connection options from the project's DB_* variables. */
export const pgConnection = (env) => ({
  host: env.DB_HOST,
  port: Number(env.DB_PORT),
  user: env.DB_USER,
  password: env.DB_PASSWORD || undefined,
  database: env.DB_DATABASE,
})

async function onServer(env, sql) {
  const client = new pg.Client({ ...pgConnection(env), database: 'postgres' })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

/**
 * `work(scratchEnv)` on a scratch database `database` (a plain identifier), created empty
 * before (whatever an interrupted run left is dropped first) and dropped after, whatever
 * happens. `scratchEnv` is the process's and `env`'s variables, pointed at it.
 */
export async function withScratchDatabase(env, database, work) {
  const drop = () => onServer(env, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)
  await drop()
  await onServer(env, `CREATE DATABASE ${database}`)
  try {
    return await work({ ...process.env, ...env, DB_DATABASE: database })
  } finally {
    await drop()
  }
}

/** `node ace migration:run` on `env`'s database (database/schema.ts left alone). */
export async function migrate(name, env, timeLimitMs = 60_000) {
  const child = startProcess(
    `${name} (migrations)`,
    process.execPath,
    ['ace.js', 'migration:run', '--force', '--no-schema-generate'],
    { ...env, NODE_ENV: 'development' }
  )
  const timer = setTimeout(() => stopProcess(child), timeLimitMs)
  const code = await child.exited
  clearTimeout(timer)
  if (code !== 0) {
    throw new Error(`the migrations failed (exit code ${code}):\n${child.outputTail()}`)
  }
}
