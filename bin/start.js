/*
| `npm start`: the newcomer's whole set-up, safe to run again and again.
|
|   .env (with a fresh APP_KEY and AUDIT_SIGNING_KEY) → PostgreSQL and Redis reachable? →
|   database exists → migrations → demo data (empty database only) → assets →
|   web server + one worker
|
| Plain JavaScript on purpose: it must run before anything is built or configured.
*/
import { spawn } from 'node:child_process'
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { existsSync, readFileSync, realpathSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseEnv } from 'node:util'
import pg from 'pg'
import { Redis } from 'ioredis'

const ROOT = fileURLToPath(new URL('../', import.meta.url))
const ENV_FILE = `${ROOT}.env`
const ENV_EXAMPLE = `${ROOT}.env.example`
const DEMO_LOGIN = 'admin@manassa.test / Manassa-demo-2026, see README'

/** How to start each service on Debian, printed when it cannot be reached. */
const START_HINTS = {
  PostgreSQL: [
    'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start',
    '(not installed? apt-get install postgresql)',
  ],
  Redis: [
    'redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no',
    '(not installed? apt-get install redis-server)',
  ],
}

/** A failure we explain in a sentence or two: printed without a stack trace. */
class SetupError extends Error {}

function step(message) {
  console.log(`\n▸ ${message}`)
}

// ---------------------------------------------------------------------------------------
// 1. Configuration
// ---------------------------------------------------------------------------------------

function freshAppKey() {
  // 32 random bytes → 43 base64url characters, above the 32 the app requires.
  return randomBytes(32).toString('base64url')
}

function freshAuditSigningKey() {
  // Ed25519, base64 of PKCS#8 DER: one line, what start/env.ts reads.
  const { privateKey } = generateKeyPairSync('ed25519')
  return privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64')
}

/** The secrets `npm start` generates when .env leaves them empty (or predates them). */
const GENERATED_SECRETS = { APP_KEY: freshAppKey, AUDIT_SIGNING_KEY: freshAuditSigningKey }

/**
 * Writes .env from .env.example when missing; fills each generated secret that is empty,
 * or adds it when the file predates it (the app refuses to boot without them).
 */
function ensureEnvFile() {
  const created = !existsSync(ENV_FILE)
  let contents = readFileSync(created ? ENV_EXAMPLE : ENV_FILE, 'utf8')
  const filled = []
  for (const [name, generate] of Object.entries(GENERATED_SECRETS)) {
    const line = new RegExp(`^${name}=.*$`, 'm')
    const match = contents.match(line)
    if (match && !created && match[0].trim() !== `${name}=`) continue
    contents = match
      ? contents.replace(line, `${name}=${generate()}`)
      : `${contents.replace(/\n?$/, '\n')}${name}=${generate()}\n`
    filled.push(name)
  }
  if (!filled.length) return
  // mode 0600: it holds the keys that encrypt personal identifiers and sign the audit log
  writeFileSync(ENV_FILE, contents, { mode: 0o600 })
  step(
    created
      ? `Wrote .env from .env.example, with a fresh ${filled.join(' and ')}`
      : `Filled ${filled.join(' and ')} in .env`
  )
}

/**
 * Reads .env the way AdonisJS does: node:util's parser, then `$VAR` / `${VAR}`
 * references expanded, a variable set in the process environment winning over the
 * file (so `PORT=4000 npm start` works, as it does for the app itself).
 */
function loadEnv() {
  const parsed = parseEnv(readFileSync(ENV_FILE, 'utf8'))
  const lookup = (key) => process.env[key] || expand(parsed[key] ?? '')
  const expand = (value) =>
    value.replace(/\\\$|\$\{\s*(\w+)\s*\}|\$(\w+)/g, (match, braced, bare) =>
      match === '\\$' ? '$' : lookup(braced ?? bare)
    )
  return Object.fromEntries(Object.keys(parsed).map((key) => [key, lookup(key)]))
}

// ---------------------------------------------------------------------------------------
// 2. Services
// ---------------------------------------------------------------------------------------

function unreachable(service, where, error) {
  const reason = error?.code || error?.message || 'no answer'
  return new SetupError(
    [
      `${service} is not reachable at ${where} (${reason}).`,
      `Start it, then run \`npm start\` again. On Debian:`,
      ...START_HINTS[service].map((line) => `  ${line}`),
    ].join('\n')
  )
}

function pgConfig(env, database) {
  return {
    host: env.DB_HOST,
    port: Number(env.DB_PORT),
    user: env.DB_USER,
    password: env.DB_PASSWORD || undefined,
    database,
    connectionTimeoutMillis: 5000,
  }
}

/** Runs one callback on a short-lived connection; the connection is always closed. */
async function withPg(env, database, callback) {
  const client = new pg.Client(pgConfig(env, database))
  client.on('error', () => {}) // a dropped connection is reported by the query instead
  await client.connect()
  try {
    return await callback(client)
  } finally {
    await client.end().catch(() => {})
  }
}

/**
 * Checks PostgreSQL answers and tells whether DB_DATABASE exists. Connecting to the
 * target database itself tells both apart: "does not exist" (3D000) means the server is up.
 */
async function checkPostgres(env) {
  const where = `${env.DB_HOST}:${env.DB_PORT}`
  try {
    await withPg(env, env.DB_DATABASE, async () => {})
    return { databaseExists: true }
  } catch (error) {
    if (error.code === '3D000') return { databaseExists: false }
    if (error.code === '28P01' || error.code === '28000') {
      throw new SetupError(
        `PostgreSQL at ${where} refused user "${env.DB_USER}": ${error.message}.\n` +
          'Check DB_USER and DB_PASSWORD in .env.'
      )
    }
    throw unreachable('PostgreSQL', where, error)
  }
}

async function createDatabase(env) {
  step(`Creating database ${env.DB_DATABASE}`)
  // CREATE DATABASE takes no bind parameters: quote the identifier ourselves.
  const identifier = `"${env.DB_DATABASE.replaceAll('"', '""')}"`
  try {
    await withPg(env, 'postgres', (client) => client.query(`CREATE DATABASE ${identifier}`))
  } catch (error) {
    throw new SetupError(
      `Could not create database ${identifier} as "${env.DB_USER}": ${error.message}.\n` +
        `Create it yourself (createdb ${env.DB_DATABASE}) or use a user allowed to.`
    )
  }
}

/**
 * Checks both services at once, so that a fresh machine hears about everything that is
 * missing in one go rather than one service per attempt.
 */
async function checkServices(env) {
  const results = await Promise.allSettled([checkPostgres(env), checkRedis(env)])
  const failures = results.filter((result) => result.status === 'rejected').map((r) => r.reason)
  const unexpected = failures.find((error) => !(error instanceof SetupError))
  if (unexpected) throw unexpected
  if (failures.length > 0) {
    throw new SetupError(failures.map((error) => error.message).join('\n\n'))
  }
  return results[0].value
}

/** Checks Redis answers PING; warns when it could evict queued jobs. */
async function checkRedis(env) {
  const where = `${env.REDIS_HOST}:${env.REDIS_PORT}`
  const redis = new Redis({
    host: env.REDIS_HOST,
    port: Number(env.REDIS_PORT),
    password: env.REDIS_PASSWORD || undefined,
    lazyConnect: true,
    connectTimeout: 5000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null, // one attempt: we report, we do not wait
  })
  // Reported below rather than as an unhandled 'error' event. The socket's own error
  // (ECONNREFUSED…) says more than the "Connection is closed" that connect() rejects with.
  let socketError
  redis.on('error', (error) => (socketError = error))
  try {
    await redis.connect()
    await redis.ping()
  } catch (error) {
    throw unreachable('Redis', where, socketError ?? error)
  }
  try {
    const [, policy] = await redis.config('GET', 'maxmemory-policy')
    if (policy && policy !== 'noeviction') {
      console.warn(
        `Warning: Redis at ${where} uses maxmemory-policy ${policy}; queued jobs could be ` +
          'evicted. Run: redis-cli config set maxmemory-policy noeviction'
      )
    }
  } catch {
    // CONFIG is often disabled on managed Redis: nothing to check then.
  } finally {
    redis.disconnect()
  }
}

async function usersTableIsEmpty(env) {
  return withPg(env, env.DB_DATABASE, async (client) => {
    const { rows } = await client.query('SELECT NOT EXISTS (SELECT 1 FROM users) AS empty')
    return rows[0].empty
  })
}

// ---------------------------------------------------------------------------------------
// 3. One-shot commands and long-running processes
// ---------------------------------------------------------------------------------------

/**
 * Every child runs on this same Node (process.execPath): the project pins Node 24,
 * while `node` on PATH, or a script's shebang, may be an older one.
 */
function nodeArgs(args) {
  return [process.execPath, args]
}

/** Runs a command to completion with inherited output; a failure stops the set-up. */
function run(label, [command, args], env) {
  step(label)
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: 'inherit' })
    child.on('error', (error) =>
      reject(new SetupError(`${label} could not start: ${error.message}`))
    )
    child.on('exit', (code, signal) => {
      if (code === 0) resolve()
      else reject(new SetupError(`${label} failed (${signal ?? `exit code ${code}`}).`))
    })
  })
}

/** The environment every child gets: ours, with .env's NODE_ENV made explicit. */
function childEnv(env) {
  return { ...process.env, NODE_ENV: env.NODE_ENV || 'development' }
}

/** Polls GET /health until the server answers (any status), it dies, or 60 s pass. */
async function waitForHealth(url, server) {
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline && server.exitCode === null && server.signalCode === null) {
    try {
      const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) })
      return response
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
  }
  return null
}

/**
 * Runs the web server and one worker until either stops, then stops the other.
 *
 * The children get their own process group (detached) so that Ctrl-C in the terminal
 * reaches only us, and each child is signalled exactly once, by us. We send SIGTERM for
 * both SIGINT and SIGTERM: the HTTP server shuts down gracefully only on SIGTERM.
 */
function runServerAndWorker(env) {
  const spawnOptions = { cwd: ROOT, env: childEnv(env), stdio: 'inherit', detached: true }
  const children = {
    'web server': spawn(
      process.execPath,
      ['--import', '@poppinss/ts-exec', 'bin/server.ts'],
      spawnOptions
    ),
    'worker': spawn(process.execPath, ['ace', 'queue:work'], spawnOptions),
  }
  const alive = () => Object.values(children).filter((c) => c.exitCode === null && !c.signalCode)
  const signalAll = (signal) => alive().forEach((child) => child.kill(signal))

  let stopping = false
  const stop = () => {
    if (stopping) {
      // A second Ctrl-C: the person does not want to wait for a graceful stop.
      signalAll('SIGKILL')
      return
    }
    stopping = true
    signalAll('SIGTERM')
    // A child that hangs on shutdown must not keep the terminal forever.
    setTimeout(() => signalAll('SIGKILL'), 15_000).unref()
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  // Detached children outlive us unless told: whatever ends this process ends them too.
  process.on('exit', () => signalAll('SIGKILL'))

  let exitCode = 0
  for (const [name, child] of Object.entries(children)) {
    child.on('exit', (code, signal) => {
      if (!stopping) {
        console.error(
          `\nThe ${name} stopped (${signal ?? `exit code ${code}`}); stopping the rest.`
        )
        exitCode = code || 1
        stop()
      }
      if (alive().length === 0) process.exit(exitCode)
    })
  }

  return children['web server']
}

// ---------------------------------------------------------------------------------------

async function main() {
  ensureEnvFile()
  const env = loadEnv()
  const nodeEnv = childEnv(env)

  step('Checking PostgreSQL and Redis')
  const { databaseExists } = await checkServices(env)
  if (!databaseExists) await createDatabase(env)

  await run('Migrating the database', nodeArgs(['ace', 'migration:run', '--force']), nodeEnv)
  if (await usersTableIsEmpty(env)) {
    await run('Loading the demo data', nodeArgs(['ace', 'db:seed']), nodeEnv)
  }
  // The bin link is a shell shim or a symlink to a script whose shebang says `node`:
  // run its real file on our own Node instead.
  const vite = realpathSync(`${ROOT}node_modules/.bin/vite`)
  // Vite decides the build mode itself; a NODE_ENV=development from .env would confuse it.
  await run('Building assets', nodeArgs([vite, 'build']), process.env)

  step('Starting the web server and a worker (Ctrl-C stops both)')
  const server = runServerAndWorker(env)
  const health = await waitForHealth(env.APP_URL, server)
  if (health) {
    console.log(`\n  Manassa is running on ${env.APP_URL}`)
    console.log(`  Sign in as ${DEMO_LOGIN}\n`)
    if (!health.ok) {
      console.warn(`  Warning: ${env.APP_URL}/health answers ${health.status}:`)
      console.warn(`  ${await health.text()}\n`)
    }
  } else if (server.exitCode === null && !server.signalCode) {
    console.warn(`\n  Warning: ${env.APP_URL}/health did not answer within 60 s.\n`)
  }
}

main().catch((error) => {
  // Explained failures read as sentences; anything else is a bug worth its stack.
  console.error(error instanceof SetupError ? `\n${error.message}` : error)
  process.exit(1)
})
