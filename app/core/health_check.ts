import db from '@adonisjs/lucid/services/db'
import redis from '@adonisjs/redis/services/main'
import queue from '#core/services/queue'

interface Check {
  healthy: boolean
  latencyMs: number
  error?: string
}

async function timed(probe: () => Promise<unknown>): Promise<Check> {
  const started = performance.now()
  try {
    await probe()
    return { healthy: true, latencyMs: Math.round(performance.now() - started) }
  } catch (error) {
    return {
      healthy: false,
      latencyMs: Math.round(performance.now() - started),
      error: error instanceof Error ? error.message : String(error),
    }
  }
}

/**
 * Probes PostgreSQL, Redis and the queues. Reports, never throws: a failed probe makes
 * the report unhealthy and says why.
 */
export class HealthCheck {
  async run() {
    const [database, cache, queues] = await Promise.all([
      timed(() => db.rawQuery('SELECT 1')),
      timed(() => redis.ping()),
      queue.lag().then(
        (lag) => ({ healthy: true, queues: lag }),
        (error: Error) => ({ healthy: false, queues: [], error: error.message })
      ),
    ])
    return {
      healthy: database.healthy && cache.healthy && queues.healthy,
      checkedAt: new Date().toISOString(),
      database,
      redis: cache,
      queue: queues,
    }
  }
}
