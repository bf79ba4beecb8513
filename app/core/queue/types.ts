import type { ConnectionOptions, DefaultJobOptions } from 'bullmq'

export interface QueueConfig {
  /** Prefix of every BullMQ key in Redis. */
  prefix: string
  connection: ConnectionOptions
  /** Queue names; the first is where jobs go unless they name another. */
  queues: [string, ...string[]]
  defaultJobOptions: DefaultJobOptions
  worker: { concurrency: number; lockDuration: number }
}

/** What a job's handle() receives besides its payload. */
export interface JobContext {
  attemptsMade: number
  /** Reports progress (0–100) for pages that show it live. */
  progress(percent: number): Promise<void>
}

/**
 * A background job: a thin class that calls domain code. It takes ids rather than
 * records, and must be idempotent, since BullMQ delivers at least once.
 */
export interface Job<Payload> {
  handle(payload: Payload, context: JobContext): Promise<unknown>
}

export type JobClass<Payload = any> = {
  /** The queue the job runs on; the first configured queue when absent. */
  queue?: string
  new (...args: any[]): Job<Payload>
}
