import { randomUUID } from 'node:crypto'
import { Worker } from 'bullmq'
import app from '@adonisjs/core/services/app'
import redis from '@adonisjs/redis/services/main'
import { QueueService } from '#core/queue/queue_service'
import type { QueueConfig } from '#core/queue/types'

/**
 * A queue under its own Redis prefix (test runs elsewhere on this machine never see its
 * jobs) and workers with a short lock, so that a test sees a killed worker's lock lapse
 * and its job recovered quickly. `cleanup` is the test's: it closes the queue and
 * removes the prefix's keys.
 */
export function crashTestQueue(
  name: string,
  cleanup: (handler: () => void | Promise<void>) => void
) {
  const config = app.config.get<QueueConfig>('queue')
  const prefix = `${config.prefix}-${name}-${randomUUID().slice(0, 8)}`
  const service = new QueueService({ ...config, prefix }, app)
  const startWorker = () =>
    new Worker(config.queues[0], (job) => service.process(job), {
      prefix,
      connection: { ...config.connection, maxRetriesPerRequest: null },
      concurrency: 1,
      lockDuration: 1000,
      stalledInterval: 300,
    })
  cleanup(async () => {
    await service.close()
    const keys = await redis.keys(`${prefix}:*`)
    if (keys.length > 0) await redis.del(...keys)
  })
  return { service, startWorker }
}
