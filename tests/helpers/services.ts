import pg from 'pg'
import env from '#start/env'
import redis from '@adonisjs/redis/services/main'

/**
 * Creates the test database when it does not exist yet, so `npm test` works on a
 * fresh machine with nothing but a running PostgreSQL.
 */
export async function ensureTestDatabase() {
  const client = new pg.Client({
    host: env.get('DB_HOST'),
    port: env.get('DB_PORT'),
    user: env.get('DB_USER'),
    password: env.get('DB_PASSWORD'),
    database: 'postgres',
  })
  await client.connect()
  try {
    const name = env.get('DB_DATABASE')
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`)
  } finally {
    await client.end()
  }
}

/** Removes the test run's own Redis keys (queues, rate limits), never anyone else's. */
export async function resetRedis() {
  const prefix = env.get('QUEUE_PREFIX')
  let cursor = '0'
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000)
    if (keys.length) await redis.del(...keys)
    cursor = next
  } while (cursor !== '0')
}
