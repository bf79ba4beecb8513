/*
| What every benchmark entry needs: the project's .env, free ports, child processes that
| are always stopped, readiness checks and autocannon runs. Everything talks to 127.0.0.1.
*/
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { parseEnv } from 'node:util'
import autocannon from 'autocannon'

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

/** Polls `url` until it answers 200; fails fast with the server's output if it dies. */
export async function waitForHttp(url, child, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs
  let last = 'no answer'
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${child.name} exited before answering:\n${child.outputTail()}`)
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) })
      if (response.ok) return response.json()
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
// Load
// ---------------------------------------------------------------------------------------

/**
 * One autocannon run against a 127.0.0.1 URL, bounded by `seconds`. Returns the figures
 * the table needs; every failure mode (socket errors, timeouts, non-2xx) counts as an error.
 */
export async function load(url, { connections = 32, seconds = 5 } = {}) {
  if (new URL(url).hostname !== '127.0.0.1') throw new Error(`refusing to load ${url}`)
  const result = await autocannon({
    url,
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
 * Runs `script` in a child process (TypeScript loader, production mode) that measures in
 * process and prints its figures as one JSON line last; returns that object.
 */
export async function measureInChild(name, script, env, timeLimitMs) {
  const child = startProcess(
    name,
    process.execPath,
    ['--import', '@poppinss/ts-exec', script],
    { ...process.env, ...env, NODE_ENV: 'production', LOG_LEVEL: 'warn' }
  )
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
