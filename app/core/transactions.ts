import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

/** Runs `work` in the caller's transaction (a seeder, a larger use case) or in its own. */
export function inTransaction<T>(
  outerClient: TransactionClientContract | undefined,
  work: (client: TransactionClientContract) => Promise<T>
) {
  return outerClient ? work(outerClient) : db.transaction(work)
}

/**
 * Runs `effect` (mails, jobs) once the action's writes are durable. Without a caller's
 * transaction the action's own has committed by now: it runs at once and its errors
 * reach the caller. Within the caller's transaction it waits for that commit, and never
 * runs if it rolls back; Lucid ignores a failing commit hook, so the error is logged.
 */
export async function afterCommit(
  outerClient: TransactionClientContract | undefined,
  effect: () => Promise<unknown>
) {
  if (!outerClient) {
    await effect()
    return
  }
  outerClient.after('commit', async () => {
    try {
      await effect()
    } catch (error) {
      logger.error({ err: error }, 'work after commit failed')
    }
  })
}
