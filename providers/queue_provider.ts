import type { ApplicationService } from '@adonisjs/core/types'
import { QueueService } from '#core/queue/queue_service'
import type { QueueConfig } from '#core/queue/types'

declare module '@adonisjs/core/types' {
  interface ContainerBindings {
    queue: QueueService
  }
}

/**
 * Registers the BullMQ-backed queue service as a singleton.
 */
export default class QueueProvider {
  #service?: QueueService

  constructor(protected app: ApplicationService) {}

  register() {
    this.app.container.singleton('queue', () => {
      this.#service = new QueueService(this.app.config.get<QueueConfig>('queue'), this.app)
      return this.#service
    })
  }

  async shutdown() {
    await this.#service?.close()
  }
}
