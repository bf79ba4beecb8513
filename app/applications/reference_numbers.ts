import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { ProgrammeKind } from '#programmes/models/programme'

/** Reference prefixes per programme kind: SM-2026-000123, BV-…, VC-… */
export const REFERENCE_PREFIXES: Record<Exclude<ProgrammeKind, 'training'>, string> = {
  startup_offer: 'SM',
  living_grant: 'BV',
  vc_call: 'VC',
}

/**
 * The next reference number of a prefix and year. The counter row is incremented in
 * place (INSERT … ON CONFLICT DO UPDATE … RETURNING), which serialises concurrent
 * submissions on that row: no two applications ever share a number.
 */
export async function nextReference(
  prefix: string,
  year: number,
  client: TransactionClientContract
) {
  const result = await client.rawQuery<{ rows: Array<{ last_value: number }> }>(
    `INSERT INTO reference_counters (prefix, year, last_value) VALUES (?, ?, 1)
     ON CONFLICT (prefix, year) DO UPDATE SET last_value = reference_counters.last_value + 1
     RETURNING last_value`,
    [prefix, year]
  )
  return `${prefix}-${year}-${String(result.rows[0].last_value).padStart(6, '0')}`
}
