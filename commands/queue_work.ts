import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Runs background jobs: `node ace queue:work`. Start as many as the load needs, on
 * any machine that reaches Redis; each stops cleanly on SIGTERM/SIGINT, and a job it
 * was running when killed is picked up by another worker once its lock expires.
 */
export default class QueueWork extends BaseCommand {
  static commandName = 'queue:work'
  static description = 'Process background jobs (BullMQ) until stopped'
  static options: CommandOptions = { startApp: true, staysAlive: true }

  @flags.number({ description: 'Jobs run at once by this worker' })
  declare concurrency?: number

  async run() {
    const queue = await this.app.container.make('queue')
    await queue.scheduleRecurring()
    const workers = queue.work(this.concurrency ? { concurrency: this.concurrency } : {})
    for (const worker of workers) {
      worker.on('failed', (job, error) => {
        this.logger.error(
          `job ${job?.name}#${job?.id} failed (attempt ${job?.attemptsMade}): ${error.message}`
        )
      })
      worker.on('error', (error) => this.logger.error(`worker error: ${error.message}`))
    }
    this.logger.info(`worker listening on ${queue.queueNames.join(', ')}`)

    const stop = async () => {
      await Promise.all(workers.map((worker) => worker.close()))
      await this.app.terminate()
    }
    this.app.terminating(async () => {
      await Promise.all(workers.map((worker) => worker.close()))
    })
    process.once('SIGTERM', stop)
    process.once('SIGINT', stop)
  }
}
