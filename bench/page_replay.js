/*
| Page benches whose bare baseline replays the portal's own SQL.
|
| recordPageQueries(): a portal started with bench/record_queries.js preloaded answers the
| page three times; the queries of the last answer (after the first ones warmed the caches
| a long-running portal has warm) are the page's queries.
|
| `node bench/page_replay.js` (BENCH_QUERIES, BENCH_PATH in its environment) is the bare
| baseline: node:http + pg, for GET BENCH_PATH it runs those queries one after the other
| and writes every row of every answer, escaped, into a page. No router, session,
| middleware or template engine.
*/
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { pgConnection, serveBarePage, startServer, stopProcess, waitForServer } from './lib.js'

/** The SQL (`{ text, values }`) one answer of `path` runs on a warm portal. */
export async function recordPageQueries({ env, path, headers = {}, log }) {
  const file = join(tmpdir(), `bench-queries-${process.pid}-${Date.now()}.jsonl`)
  writeFileSync(file, '')
  const recorder = await startServer(
    'portal (recording queries)',
    ['--import', './bench/record_queries.js', '--import', '@poppinss/ts-exec', 'bin/server.ts'],
    env,
    { BENCH_RECORD_QUERIES: file }
  )
  try {
    await waitForServer(`${recorder.origin}/`, recorder.child, { ready: () => true })
    const get = async () => {
      const response = await fetch(`${recorder.origin}${path}`, { headers, redirect: 'manual' })
      if (response.status !== 200) throw new Error(`${path} answered HTTP ${response.status}`)
      return response.text()
    }
    await get()
    await get()
    writeFileSync(file, '')
    await get()
    const queries = readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line))
    log(`${path} runs ${queries.length} queries on a warm portal`)
    return queries
  } finally {
    await stopProcess(recorder.child)
    rmSync(file, { force: true })
  }
}

/** Starts the replaying baseline for `path`; returns { child, origin, file }. */
export async function startReplayBaseline(env, path, queries) {
  const file = join(tmpdir(), `bench-replay-${process.pid}-${Date.now()}.json`)
  writeFileSync(file, JSON.stringify(queries))
  const server = await startServer('baseline', ['bench/page_replay.js'], env, {
    BENCH_QUERIES: file,
    BENCH_PATH: path,
  })
  await waitForServer(`${server.origin}${path}`, server.child)
  return { ...server, file }
}

const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

function serveReplay() {
  const queries = JSON.parse(readFileSync(process.env.BENCH_QUERIES, 'utf8'))
  const pool = new pg.Pool({ ...pgConnection(process.env), max: 10 })
  const cell = (value) =>
    `<td>${escapeHtml(value instanceof Date ? value.toISOString() : typeof value === 'object' && value !== null ? JSON.stringify(value) : (value ?? ''))}</td>`
  serveBarePage(process.env.BENCH_PATH, pool, async () => {
    const sections = []
    for (const { text, values } of queries) {
      const { rows } = await pool.query(text, values)
      sections.push(
        `<table>${rows.map((row) => `<tr>${Object.values(row).map(cell).join('')}</tr>`).join('')}</table>`
      )
    }
    return `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Manassa</title></head><body><main>${sections.join('')}</main></body></html>`
  })
}

if (process.argv[1] === fileURLToPath(import.meta.url)) serveReplay()
