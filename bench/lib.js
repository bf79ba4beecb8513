/*
| What every benchmark entry needs: the project's .env, free ports, child processes that
| are always stopped, the portal and baseline servers, readiness checks, autocannon runs
| and DESIGN §9's portal-against-baseline comparison, scratch databases. Everything talks
| to 127.0.0.1.
*/
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, realpathSync } from 'node:fs'
import { createServer as createHttpServer } from 'node:http'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { parseEnv } from 'node:util'
import autocannon from 'autocannon'
import pg from 'pg'

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
export function startProcess(name, command, args, env) {
  const child = spawn(command, args, {
    cwd: ROOT,
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
export async function stopProcess(child) {
  if (child.exitCode !== null || child.signalCode !== null) return
  signalGroup(child, 'SIGTERM')
  const killed = await Promise.race([child.exited.then(() => false), sleep(5000).then(() => true)])
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
export async function startServer(name, args, env, extraEnv = {}) {
  const port = await freePort()
  const origin = `http://127.0.0.1:${port}`
  const child = startProcess(name, process.execPath, args, {
    ...process.env,
    ...env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORT: String(port),
    APP_URL: origin,
    ...extraEnv,
  })
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

/** The portal itself (bin/server.ts through the TypeScript loader). */
export const startPortal = (env) =>
  startServer('portal', ['--import', '@poppinss/ts-exec', 'bin/server.ts'], env)

// ---------------------------------------------------------------------------------------
// Load
// ---------------------------------------------------------------------------------------

/**
 * One autocannon run against a 127.0.0.1 URL, bounded by `seconds`, with request
 * `headers` (a session cookie) if any. Returns the figures the table needs; every failure
 * mode (socket errors, timeouts, non-2xx) counts as an error.
 */
export async function load(url, { connections = 32, seconds = 5, headers = {} } = {}) {
  if (new URL(url).hostname !== '127.0.0.1') throw new Error(`refusing to load ${url}`)
  const result = await autocannon({
    url,
    headers,
    connections,
    duration: seconds,
    timeout: 10, // seconds per request
  })
  return {
    rps: result.requests.total / result.duration,
    requests: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx, // autocannon's errors already include timeouts
  }
}

export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

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
const WARMUP_MAX_BLOCKS = 8
const WARMUP_STABLE = 0.05 // two blocks in a row within 5 %: warm
const ROUND_SECONDS = 5
const ROUNDS = 3
const TARGET_P99_MS = 500
const TARGET_AA_PERCENT = 10

const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length
const round = (value, digits) => Number(value.toFixed(digits))

function describe(label, figures) {
  return (
    `${label.padEnd(10)} ${figures.rps.toFixed(0).padStart(6)} req/s  ` +
    `p50 ${figures.p50} ms  p99 ${figures.p99} ms  errors ${figures.errors}`
  )
}

/**
 * At least one 3 s block, then more until two blocks in a row agree within 5 %: the
 * portal's JIT keeps speeding it up for some 20 s under load, and a ratio taken while
 * one side is still warming measures the warm-up, not the server.
 */
async function warmUp(label, { url, headers }, log) {
  const options = { connections: CONNECTIONS, seconds: WARMUP_SECONDS, headers }
  const blocks = [await load(url, options)]
  while (blocks.length < WARMUP_MAX_BLOCKS) {
    blocks.push(await load(url, options))
    const [previous, last] = blocks.slice(-2).map((block) => block.rps)
    if (Math.abs(last - previous) / previous <= WARMUP_STABLE) break
  }
  const rates = blocks.map((block) => block.rps.toFixed(0)).join(' → ')
  log(`warm-up ${label}: ${blocks.length * WARMUP_SECONDS} s (${rates} req/s)`)
}

/**
 * Both sides warmed up → A B A B A B (5 s each, 32 connections) → A/A control (the portal
 * twice, within ±10 %). `portal` and `baseline` are `{ url, headers }`, both already
 * checked to give the same answer. Returns the rows `name`, `name.p99` and
 * `name.aa_control` of bench/results.json.
 */
export async function compareWithBaseline({ name, portal, baseline, targetRatio, log }) {
  await warmUp('portal', portal, log)
  await warmUp('baseline', baseline, log)

  // Interleaved, so that whatever else the machine does affects both sides alike.
  const run = (side) =>
    load(side.url, { connections: CONNECTIONS, seconds: ROUND_SECONDS, headers: side.headers })
  const portalRuns = []
  const baselineRuns = []
  for (let i = 1; i <= ROUNDS; i++) {
    portalRuns.push(await run(portal))
    log(describe(`A${i} portal`, portalRuns.at(-1)))
    baselineRuns.push(await run(baseline))
    log(describe(`B${i} bare`, baselineRuns.at(-1)))
  }

  // A/A control: the same server twice; if two identical runs differ by more than
  // 10 %, the machine is too noisy for the ratio to mean anything.
  const control = [await run(portal), await run(portal)]
  control.forEach((figures, i) => log(describe(`A/A ${i + 1}`, figures)))

  const portalRps = mean(portalRuns.map((figures) => figures.rps))
  const baselineRps = mean(baselineRuns.map((figures) => figures.rps))
  const ratio = portalRps / baselineRps
  // The worst round, not the average: p99 is a promise about every period.
  const portalP99 = Math.max(...portalRuns.map((figures) => figures.p99))
  const baselineP99 = Math.max(...baselineRuns.map((figures) => figures.p99))
  const portalErrors = portalRuns.reduce((sum, figures) => sum + figures.errors, 0)
  const baselineErrors = baselineRuns.reduce((sum, figures) => sum + figures.errors, 0)
  if (baselineErrors > 0) log(`warning: the baseline had ${baselineErrors} errors`)
  const controlErrors = control.reduce((sum, figures) => sum + figures.errors, 0)
  const controlRatio = control[1].rps / control[0].rps
  const controlPercent =
    (Math.abs(control[1].rps - control[0].rps) / mean(control.map((figures) => figures.rps))) * 100

  return [
    {
      name,
      value: round(portalRps, 1),
      unit: 'req/s',
      baseline: round(baselineRps, 1),
      ratio: round(ratio, 3),
      target: targetRatio,
      ok: ratio >= targetRatio && portalErrors === 0,
      display: {
        portal: portalRps.toFixed(0),
        baseline: baselineRps.toFixed(0),
        ratio: ratio.toFixed(2),
        p99: String(portalP99),
        errors: String(portalErrors),
        target: `≥ ${targetRatio}×`,
      },
    },
    {
      name: `${name}.p99`,
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
      name: `${name}.aa_control`,
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
