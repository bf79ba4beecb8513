import app from '@adonisjs/core/services/app'
import type { QueueService } from '#core/queue/queue_service'

let queue: QueueService

await app.booted(async () => {
  queue = await app.container.make('queue')
})

export { queue as default }
