import { Queue, Worker, type JobsOptions, type Job as BullJob } from 'bullmq'
import type { ApplicationService } from '@adonisjs/core/types'
import { jobs, schedules, type JobName } from '#start/jobs'
import type { Job, QueueConfig } from '#core/queue/types'

type PayloadOf<Name extends JobName> = Awaited<
  ReturnType<(typeof jobs)[Name]>
>['default'] extends new (...args: any[]) => Job<infer P>
  ? P
  : never

/**
 * Dispatches jobs to BullMQ and runs them in workers. One instance per process.
 */
export class QueueService {
  #queues = new Map<string, Queue>()

  constructor(
    private config: QueueConfig,
    private app: ApplicationService
  ) {}

  get queueNames() {
    return this.config.queues
  }

  queue(name: string = this.config.queues[0]) {
    let queue = this.#queues.get(name)
    if (!queue) {
      queue = new Queue(name, {
        prefix: this.config.prefix,
        connection: this.config.connection,
        defaultJobOptions: this.config.defaultJobOptions,
      })
      this.#queues.set(name, queue)
    }
    return queue
  }

  /**
   * Enqueues a job. Pass a business key as `jobId` (e.g. `rescore:call:12`) so that a
   * second dispatch of the same work is a no-op while the first is still known to Redis.
   * Dispatch after the transaction that created the work has committed.
   */
  async dispatch<Name extends JobName>(
    name: Name,
    payload: PayloadOf<Name>,
    options: JobsOptions = {}
  ): Promise<BullJob> {
    const { default: JobClass } = await jobs[name]()
    const queueName = 'queue' in JobClass ? (JobClass.queue as string) : undefined
    return this.queue(queueName).add(name, payload, options)
  }

  /** Declares the calendar jobs of start/jobs.ts (idempotent: one scheduler per name). */
  async scheduleRecurring() {
    for (const { name, pattern } of schedules) {
      await this.queue().upsertJobScheduler(
        name,
        { pattern, tz: 'Africa/Casablanca' },
        { name, data: {} }
      )
    }
  }

  /** Runs one job by name, as a worker does. */
  async process(bullJob: BullJob) {
    const loader = jobs[bullJob.name as JobName]
    if (!loader) throw new Error(`Unknown job "${bullJob.name}"`)
    const { default: JobClass } = await loader()
    const job = (await this.app.container.make(JobClass)) as Job<unknown>
    return job.handle(bullJob.data, {
      attemptsMade: bullJob.attemptsMade,
      progress: (percent) => bullJob.updateProgress(percent),
    })
  }

  /** Starts a worker on each queue; returns them so the caller can close them. */
  work(options: Partial<QueueConfig['worker']> = {}) {
    return this.config.queues.map(
      (name) =>
        new Worker(name, (bullJob) => this.process(bullJob), {
          prefix: this.config.prefix,
          connection: { ...this.config.connection, maxRetriesPerRequest: null },
          ...this.config.worker,
          ...options,
        })
    )
  }

  /** Waiting jobs and the age of the oldest one, per queue (for /health). */
  async lag() {
    return Promise.all(
      this.config.queues.map(async (name) => {
        const queue = this.queue(name)
        const [waiting, oldest] = await Promise.all([
          queue.getWaitingCount(),
          queue.getWaiting(0, 0),
        ])
        const oldestAgeMs = oldest[0] ? Date.now() - oldest[0].timestamp : 0
        return { name, waiting, oldestAgeMs }
      })
    )
  }

  async close() {
    await Promise.all([...this.#queues.values()].map((queue) => queue.close()))
    this.#queues.clear()
  }
}
