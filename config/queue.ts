import env from '#start/env'
import type { QueueConfig } from '#core/queue/types'

/**
 * BullMQ on Redis. Workers are started with `node ace queue:work` (any number of them,
 * on any machine that reaches Redis).
 */
export default {
  prefix: env.get('QUEUE_PREFIX'),
  connection: {
    host: env.get('REDIS_HOST'),
    port: env.get('REDIS_PORT'),
    password: env.get('REDIS_PASSWORD') || undefined,
  },
  queues: ['default'],
  defaultJobOptions: {
    attempts: 5,
    backoff: { type: 'exponential', delay: 2_000 },
    removeOnComplete: { count: 1_000 },
    removeOnFail: { count: 5_000 },
  },
  worker: { concurrency: 5, lockDuration: 30_000 },
} satisfies QueueConfig
