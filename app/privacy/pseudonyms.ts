import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { FormAnswers } from '#programmes/forms/form_definition'

/**
 * What an erased person becomes (law 09-08 erasure): the row stays, so amounts,
 * decisions and the audit chain keep pointing at someone, but nothing names them.
 */
export function pseudonymOf(userId: number) {
  return {
    fullName: `Personne supprimée #${userId}`,
    email: `erased-${userId}@invalid`,
    // What they chose to tell for the inclusion figures goes too (their applications keep
    // the snapshot taken at submission, like amounts, for the statistics).
    gender: null,
    birthYear: null,
  }
}

/**
 * The answers with every text value blanked (names, CIN, free text, file references),
 * keeping their shape and the numbers and yes/no answers that statistics and amounts
 * rely on.
 */
export function scrubAnswers(answers: FormAnswers): FormAnswers {
  return scrub(answers) as FormAnswers
}

function scrub(value: unknown): unknown {
  if (typeof value === 'string') return null
  if (Array.isArray(value)) return value.map(scrub)
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, scrub(inner)]))
  }
  return value
}

/**
 * Replaces the free text of these applications (answers, title, appeal statement) and
 * dates it; states, amounts and `updated_at` (the date of the last decision) stay.
 */
export async function scrubApplications(
  ids: number[],
  client: TransactionClientContract,
  now: Date
) {
  const rows: { id: number; answers: FormAnswers; submitted_answers: FormAnswers | null }[] =
    await client
      .from('applications')
      .whereIn('id', ids)
      .select('id', 'answers', 'submitted_answers')
  for (const row of rows) {
    await client
      .from('applications')
      .where('id', row.id)
      .update({
        answers: JSON.stringify(scrubAnswers(row.answers)),
        submitted_answers: row.submitted_answers
          ? JSON.stringify(scrubAnswers(row.submitted_answers))
          : null,
        title: null,
        appeal_statement: null,
        pseudonymised_at: now,
      })
  }
}
