import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { newCertificateCode } from '#training/certificate_codes'

/**
 * Issues a certificate to each completed enrolment of a cohort that has none yet, inside
 * the caller's transaction (closing the cohort). The name and language are frozen from
 * the trainee's profile at issue. Returns the enrolments certified now; issuing twice adds
 * nothing.
 */
export async function issueCertificates(cohortId: number, client: TransactionClientContract) {
  const rows = await client
    .from('enrolments')
    .join('users', 'users.id', 'enrolments.trainee_id')
    .leftJoin('certificates', 'certificates.enrolment_id', 'enrolments.id')
    .where('enrolments.cohort_id', cohortId)
    .where('enrolments.state', 'completed')
    .whereNull('certificates.id')
    .select('enrolments.id', 'users.full_name', 'users.preferred_locale')
  if (rows.length === 0) return []
  const issuedAt = new Date()
  const inserted = await client
    .insertQuery()
    .table('certificates')
    .insert(
      rows.map((row) => ({
        enrolment_id: row.id,
        code: newCertificateCode(),
        trainee_name: row.full_name,
        locale: row.preferred_locale,
        issued_at: issuedAt,
      }))
    )
    .knexQuery.onConflict('enrolment_id')
    .ignore()
    .returning('enrolment_id')
  return inserted.map((row: { enrolment_id: number }) => row.enrolment_id)
}
