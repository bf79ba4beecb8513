import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { RegisterGrantRow } from '#reporting/register/three_sixty_giving'

type Client = TransactionClientContract | typeof db

/**
 * The grants of a call as the register shows them, in one query: each published award
 * not declined, its recipient (the organisation the application was filed for, or the
 * applicant as an individual: the bourse de vie, or an application without an
 * organisation), what has been paid on it, and whether the person consents to being
 * named. Nobody's name leaves this query without that consent; an erased person is never
 * named.
 */
export const REGISTER_ROWS_SQL = `
  SELECT d.id AS decision_id, d.amount_centimes, d.published_at,
         greatest(d.updated_at, max(t.paid_at)) AS modified_at,
         coalesce(sum(t.amount_centimes) FILTER (WHERE t.state IN ('paid', 'reconciled')), 0)
           AS disbursed_centimes,
         (p.kind = 'living_grant' OR a.organization_id IS NULL) AS individual,
         o.id AS organization_id, o.name AS organization_name,
         coalesce(o.region, a.region) AS region,
         a.applicant_id AS user_id, a.region AS applicant_region,
         CASE WHEN u.erased_at IS NULL AND EXISTS (
                SELECT 1 FROM user_consents c
                 WHERE c.user_id = u.id AND c.purpose = 'open_data_publication'
                   AND c.withdrawn_at IS NULL)
              THEN u.full_name END AS consenting_name,
         CASE WHEN p.kind = 'living_grant' THEN p.stipend_months END AS duration_months
    FROM decisions d
    JOIN applications a ON a.id = d.application_id
    JOIN calls ca ON ca.id = d.call_id
    JOIN programmes p ON p.id = ca.programme_id
    JOIN users u ON u.id = a.applicant_id
    LEFT JOIN organizations o ON o.id = a.organization_id
    LEFT JOIN agreements ag ON ag.decision_id = d.id
    LEFT JOIN tranches t ON t.agreement_id = ag.id
   WHERE d.call_id = ? AND d.outcome = 'awarded' AND d.published_at IS NOT NULL
     AND d.response IS DISTINCT FROM 'declined'
   GROUP BY d.id, a.id, p.id, u.id, o.id
   ORDER BY d.published_at, d.id`

export async function registerRowsOf(
  callId: number,
  client: Client = db
): Promise<RegisterGrantRow[]> {
  const { rows } = await client.rawQuery(REGISTER_ROWS_SQL, [callId])
  return rows.map((row: Record<string, any>) => ({
    decisionId: row.decision_id,
    awardedCentimes: Number(row.amount_centimes),
    disbursedCentimes: Number(row.disbursed_centimes),
    awardedAt: new Date(row.published_at),
    modifiedAt: new Date(row.modified_at),
    recipient: row.individual
      ? {
          kind: 'individual' as const,
          userId: row.user_id,
          name: row.consenting_name ?? null,
          region: row.applicant_region,
        }
      : {
          kind: 'organization' as const,
          id: row.organization_id,
          name: row.organization_name,
          region: row.region,
        },
    durationMonths: row.duration_months === null ? null : Number(row.duration_months),
  }))
}
