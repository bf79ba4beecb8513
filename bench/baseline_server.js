/*
| The bare baseline of DESIGN §9: plain node:http + pg doing what the portal's endpoints
| do, and nothing else (no router, middleware, session or logging). Started by
| bench/run.js with DB_* and PORT in its environment; listens on 127.0.0.1 only.
|
|   GET /api/v1/calls → { data: [...], meta, links }, same query and shape as the portal's
*/
import { createServer } from 'node:http'
import { readFileSync } from 'node:fs'
import pg from 'pg'
import { pgConnection } from './lib.js'

const ROOT = new URL('../', import.meta.url)

/**
 * The portal's own SQL, read from its source at start-up rather than copied here, so
 * that the two cannot drift apart. (It lives in a .ts file this plain script cannot import.)
 */
function readOpenCallsSql() {
  const source = readFileSync(new URL('app/programmes/open_calls.ts', ROOT), 'utf8')
  const match = source.match(/export const OPEN_CALLS_SQL\s*=\s*`([^`]*)`/)
  if (!match || match[1].includes('${')) {
    throw new Error(
      'OPEN_CALLS_SQL (a plain template literal) not found in app/programmes/open_calls.ts'
    )
  }
  return match[1]
}

const OPEN_CALLS_SQL = readOpenCallsSql()

// Same int8 handling as config/database.ts (money in centimes read as numbers), scoped
// to this pool rather than set globally.
const types = {
  getTypeParser(oid, format) {
    if (oid === pg.types.builtins.INT8) return (value) => Number.parseInt(value, 10)
    return pg.types.getTypeParser(oid, format)
  },
}

// Same pool size as the portal's (config/database.ts: max 10).
const pool = new pg.Pool({
  ...pgConnection(process.env),
  max: 10,
  types,
})

/** The shape of app/programmes/transformers/call_transformer.ts. */
function openCallResource(row) {
  return {
    id: row.id,
    title: row.title,
    programme: {
      id: row.programme_id,
      kind: row.kind,
      stage: row.stage,
      title: row.programme_title,
    },
    opensAt: row.opens_at.toISOString(),
    closesAt: row.closes_at.toISOString(),
    envelopeCentimes: row.envelope_centimes,
    blindReview: row.blind_review,
  }
}

function sendJson(response, status, body) {
  const json = JSON.stringify(body)
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
  })
  response.end(json)
}

const routes = {
  'GET /api/v1/calls': async () => {
    const { rows } = await pool.query(OPEN_CALLS_SQL, [new Date()])
    // The portal's first page (app/core/pagination.ts): one page of at most 50, uncounted.
    const first = '/api/v1/calls?perPage=50&page=1'
    return {
      data: rows.map(openCallResource),
      meta: { total: rows.length, page: 1, perPage: 50, lastPage: 1 },
      links: { first, last: first, prev: null, next: null },
    }
  },
}

const server = createServer(async (request, response) => {
  const handler = routes[`${request.method} ${request.url.split('?')[0]}`]
  if (!handler) return sendJson(response, 404, { error: 'not found' })
  try {
    sendJson(response, 200, await handler())
  } catch (error) {
    sendJson(response, 500, { error: error.message })
  }
})

server.listen(Number(process.env.PORT), '127.0.0.1')

const stop = () => server.close(() => pool.end().then(() => process.exit(0)))
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
