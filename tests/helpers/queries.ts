import emitter from '@adonisjs/core/services/emitter'

/**
 * Runs `work` and returns the SQL statements it sent (transaction bookkeeping aside),
 * so a test can hold a page to a fixed query budget whatever the number of rows.
 */
export async function countQueries<T>(work: () => Promise<T>) {
  const queries: string[] = []
  const listener = (query: { sql: string }) => {
    if (!/^(SAVEPOINT|RELEASE SAVEPOINT|ROLLBACK TO SAVEPOINT|BEGIN|COMMIT)/i.test(query.sql)) {
      queries.push(query.sql)
    }
  }
  emitter.on('db:query', listener)
  try {
    const result = await work()
    return { result, queries }
  } finally {
    emitter.off('db:query', listener)
  }
}
