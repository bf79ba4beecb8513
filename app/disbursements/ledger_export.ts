import db from '@adonisjs/lucid/services/db'
import i18nManager from '@adonisjs/i18n/services/main'
import { UTF8_BOM, csvLine, madDecimal } from '#applications/csv_export'
import { localize } from '#core/i18n/localized_text'
import { recordAudit } from '#core/audit/audit_trail'
import type { Actor } from '#core/audit/actor'

/** Exports are written in French, the administration's language (as applications'). */
const EXPORT_LOCALE = 'fr'
const BATCH_SIZE = 1000

/**
 * A call's tranches as CSV, one line each (beneficiary, agreement, amount, due date,
 * state, who verified and approved), streamed in keyset batches. Audited first: it
 * lists beneficiaries' names and money.
 */
export async function exportCallTranches(callId: number, actor: Actor) {
  const summary = await db
    .from('tranches')
    .where('call_id', callId)
    .count('* as total')
    .max('id as last_id')
    .first()
  const rowCount = Number(summary?.total ?? 0)
  const lastId = Number(summary?.last_id ?? 0)
  await recordAudit({
    actor,
    action: 'call.tranches_exported',
    subjectType: 'call',
    subjectId: callId,
    metadata: { rowCount },
  })

  const i18n = i18nManager.locale(EXPORT_LOCALE)
  const header = csvLine(
    [
      'agreement',
      'sequence',
      'beneficiary',
      'milestone',
      'amount',
      'due_on',
      'state',
      'verified_by',
      'approved_by',
      'paid_at',
    ].map((key) => i18n.t(`tranches.csv.${key}`))
  )

  async function* lines() {
    yield UTF8_BOM + header
    let after = 0
    while (after < lastId) {
      const rows = await db
        .from('tranches')
        .join('agreements', 'agreements.id', 'tranches.agreement_id')
        .join('users as beneficiaries', 'beneficiaries.id', 'agreements.beneficiary_id')
        .leftJoin('users as verifiers', 'verifiers.id', 'tranches.verified_by')
        .leftJoin('users as approvers', 'approvers.id', 'tranches.approved_by')
        .where('tranches.call_id', callId)
        .where('tranches.id', '>', after)
        .where('tranches.id', '<=', lastId)
        .orderBy('tranches.id')
        .limit(BATCH_SIZE)
        .select(
          'tranches.id',
          'tranches.agreement_id',
          'tranches.sequence',
          'tranches.milestone',
          'tranches.request_note',
          'tranches.amount_centimes',
          db.raw(`to_char(tranches.due_on, 'YYYY-MM-DD') as due_on`),
          'tranches.state',
          'tranches.paid_at',
          'beneficiaries.full_name as beneficiary',
          'verifiers.full_name as verifier',
          'approvers.full_name as approver'
        )
      if (!rows.length) break
      yield rows
        .map((row) =>
          csvLine([
            row.agreement_id,
            row.sequence,
            row.beneficiary,
            localize(row.milestone, EXPORT_LOCALE) || row.request_note,
            madDecimal(Number(row.amount_centimes)),
            row.due_on,
            i18n.t(`tranches.states.${row.state}`),
            row.verifier,
            row.approver,
            row.paid_at ? new Date(row.paid_at).toISOString() : null,
          ])
        )
        .join('')
      after = rows[rows.length - 1].id
    }
  }

  return { rowCount, lines }
}
