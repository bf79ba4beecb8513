import type { FormAnswers } from '#programmes/forms/form_definition'

/**
 * What an erased person becomes (law 09-08 erasure): the row stays, so amounts,
 * decisions and the audit chain keep pointing at someone, but nothing names them.
 */
export function pseudonymOf(userId: number) {
  return { fullName: `Personne supprimée #${userId}`, email: `erased-${userId}@invalid` }
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
