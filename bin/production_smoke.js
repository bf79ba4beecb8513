/*
| Production smoke (CI): the portal as it ships, not as the tests run it.
|
|   node ace build → the test database, migrated by the built ace → build/bin/server.js
|   with NODE_ENV=production and a throwaway APP_KEY on a free port → /health, a page and
|   its stylesheet, secure cookies, errors without stack traces, SQL or file paths → SIGTERM
|   under load: a prompt exit, no request failed.
|
| `node bin/production_smoke.js [--no-build]`. Settings come from .env.test, then the
| environment (DB_*, REDIS_* …), then the production ones below. The built server runs
| with the project's node_modules (Node resolves them from build/'s parent folder) rather
| than `npm ci --omit=dev` in build/: no network, and fast. A production import of a dev
| dependency would go unnoticed here; `npm ci --omit=dev` would catch it.
|
| Plain JavaScript: it runs before and around the build.
*/
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { parseEnv } from 'node:util'

const ROOT = fileURLToPath(new URL('../', import.meta.url))
const BUILD = `${ROOT}build/`
const STARTUP_SECONDS = 20

const failures = []
function check(condition, message) {
  console.log(`${condition ? '  ok  ' : '  FAIL'} ${message}`)
  if (!condition) failures.push(message)
}

/** Runs a command to completion, its output shown; rejects on a non-zero exit. */
function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options })
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited ${code}`))
    )
  })
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

async function productionEnv() {
  const base = parseEnv(readFileSync(`${ROOT}.env.test`, 'utf8'))
  const env = { ...process.env }
  for (const [key, value] of Object.entries(base)) env[key] ??= value
  const port = await freePort()
  return {
    ...env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    APP_URL: `http://127.0.0.1:${port}`,
    APP_KEY: randomBytes(32).toString('base64url'),
    APP_NAME: 'manassa-smoke',
    LOG_LEVEL: 'warn',
    SESSION_DRIVER: 'cookie',
    // The test database (migrated forward by the built ace; the smoke only reads), and
    // Redis keys of its own.
    QUEUE_PREFIX: `${env.QUEUE_PREFIX}-smoke`,
  }
}

async function waitForHealth(baseUrl, server) {
  const deadline = Date.now() + STARTUP_SECONDS * 1000
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode})`)
    try {
      const response = await fetch(`${baseUrl}/health`)
      if (response.ok) return response
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`/health did not answer 200 within ${STARTUP_SECONDS} s`)
}

/** SIGTERM (AdonisJS closes gracefully), SIGKILL if it is still there after 5 s. */
async function stop(server) {
  if (server.exitCode !== null || server.signalCode !== null) return
  const exited = new Promise((resolve) => server.once('exit', resolve))
  server.kill('SIGTERM')
  const timer = setTimeout(() => server.kill('SIGKILL'), 5000)
  await exited
  clearTimeout(timer)
}

/** What an error page must never show: stack frames, SQL, database errors, our files. */
const LEAKS = {
  'stack frame': /\bat .+:\d+:\d+\)?/,
  'SQL': /\b(select|delete)\b[^<]{0,200}\bfrom\s+"|\binsert into\b|\bupdate\s+"\w+"\s+set\b/i,
  'PostgreSQL error': /out of range for type|syntax error at or near|violates [\w ]+ constraint/i,
  'source file': /node_modules|file:\/\/|\.(ts|js):\d+/,
  'install path': new RegExp(ROOT.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
}

function assertNoLeak(what, body) {
  const found = Object.keys(LEAKS).filter((name) => LEAKS[name].test(body))
  const shown = found.length ? ` (found: ${found.join(', ')})` : ''
  check(!found.length, `${what}: no ${Object.keys(LEAKS).join(', ')} in the body${shown}`)
}

async function probe(baseUrl) {
  const health = await fetch(`${baseUrl}/health`)
  check(health.status === 200, `/health answers ${health.status}`)

  const page = await fetch(`${baseUrl}/login`, { headers: { 'Accept-Language': 'fr' } })
  const html = await page.text()
  check(page.status === 200 && html.includes('<html lang="fr"'), `/login renders (${page.status})`)
  check(/max-age=\d+/.test(page.headers.get('strict-transport-security') ?? ''), 'HSTS on pages')
  const cookies = page.headers.getSetCookie()
  check(
    cookies.length > 0,
    `/login sets cookies (${cookies.map((c) => c.split('=')[0]).join(', ')})`
  )
  for (const cookie of cookies) {
    const name = cookie.split('=')[0]
    check(/;\s*secure\b/i.test(cookie), `cookie ${name} is Secure`)
    check(/;\s*httponly\b/i.test(cookie), `cookie ${name} is HttpOnly`)
    check(/;\s*samesite=(lax|strict)\b/i.test(cookie), `cookie ${name} is SameSite`)
  }

  // The Vite build is served: the page links its hashed stylesheet, and it loads.
  const stylesheet = /href="(\/assets\/[^"]+\.css)"/.exec(html)?.[1]
  check(Boolean(stylesheet), `the page links a built stylesheet (${stylesheet})`)
  if (stylesheet) {
    const css = await fetch(`${baseUrl}${stylesheet}`)
    check(css.status === 200, `${stylesheet} answers ${css.status}`)
    check(css.headers.get('x-content-type-options') === 'nosniff', 'assets are nosniff')
  }

  const errors = [
    ['an unknown page', `${baseUrl}/no-such-page`, {}],
    ['an unknown API path', `${baseUrl}/api/v1/no-such-endpoint`, {}],
    ['a page number past bigint', `${baseUrl}/calls?page=99999999999999999999999`, {}],
    ['a cohort page past bigint', `${baseUrl}/training?page=-99999999999999999999999`, {}],
    [
      'malformed JSON',
      `${baseUrl}/api/v1/tokens`,
      { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"email": ' },
    ],
    [
      'a form without its CSRF token',
      `${baseUrl}/login`,
      { method: 'POST', body: new URLSearchParams({ email: 'a@b.ma', password: 'x' }) },
    ],
    ['a malformed URL', `${baseUrl}/verify/%E0%A4%A`, {}],
  ]
  for (const [what, url, options] of errors) {
    const response = await fetch(url, { redirect: 'manual', ...options })
    const body = await response.text()
    check(response.status < 500, `${what}: ${response.status}, not a server error`)
    assertNoLeak(what, body)
  }
}

/**
 * SIGTERM while the database pool is saturated and many clients have already hung up:
 * every request the server took is still answered without a server error, and the
 * process exits promptly. (A request whose client left used to outlive the HTTP server's
 * close, ask the closed pool for a connection, answer 500 and hold the process for the
 * pool's 60 s acquire timeout: bin/server.ts now waits for running requests.)
 */
async function stopsGracefully(baseUrl, server) {
  const exited = new Promise((resolve) => server.once('exit', resolve))
  const leaving = new AbortController()
  const answered = Array.from({ length: 8 }, () =>
    fetch(`${baseUrl}/calls`).then(
      (response) => response.status,
      () => 'refused'
    )
  )
  const abandoned = Array.from({ length: 48 }, () =>
    fetch(`${baseUrl}/calls`, { signal: leaving.signal }).catch(() => 'left')
  )
  await new Promise((resolve) => setTimeout(resolve, 30))
  leaving.abort()
  const started = Date.now()
  server.kill('SIGTERM')
  const inTime = await Promise.race([
    exited.then(() => true),
    new Promise((resolve) => setTimeout(() => resolve(false), 2000)),
  ])
  check(inTime, `SIGTERM under load: the server exits within 2 s (${Date.now() - started} ms)`)
  const statuses = await Promise.all(answered)
  await Promise.all(abandoned)
  check(
    statuses.every((status) => status === 'refused' || status < 500),
    `requests in flight at SIGTERM are answered, not failed (${statuses.join(', ')})`
  )
}

async function main() {
  if (!process.argv.includes('--no-build')) await run('node', ['ace', 'build'], { cwd: ROOT })
  const env = await productionEnv()
  await run('node', ['ace.js', 'migration:run', '--force'], { cwd: BUILD, env })

  const baseUrl = env.APP_URL
  const server = spawn('node', ['bin/server.js'], { cwd: BUILD, env, stdio: 'inherit' })
  try {
    await waitForHealth(baseUrl, server)
    await probe(baseUrl)
    await stopsGracefully(baseUrl, server)
  } finally {
    await stop(server)
  }
  if (failures.length) {
    console.error(`\nProduction smoke: ${failures.length} check(s) failed`)
    process.exit(1)
  }
  console.log('\nProduction smoke: all checks passed')
}

await main()
