/*
| Preloaded (`node --import ./bench/record_queries.js`) into a portal that a page bench
| starts only to learn which SQL a page runs: every query node-postgres sends is appended
| to $BENCH_RECORD_QUERIES as one JSON line { text, values }. The bench's bare baseline
| then replays exactly those queries: "the baseline doing the same queries" by
| construction rather than by a hand-written copy that can drift.
*/
import { appendFileSync } from 'node:fs'
import pg from 'pg'

const file = process.env.BENCH_RECORD_QUERIES
if (file) {
  const query = pg.Client.prototype.query
  pg.Client.prototype.query = function recordedQuery(config, values, callback) {
    const text = typeof config === 'string' ? config : config?.text
    const params = Array.isArray(values) ? values : (config?.values ?? [])
    if (text) appendFileSync(file, `${JSON.stringify({ text, values: params })}\n`)
    return query.call(this, config, values, callback)
  }
}
