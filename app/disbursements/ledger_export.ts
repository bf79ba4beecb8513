import db from '@adonisjs/lucid/services/db'
import i18nManager from '@adonisjs/i18n/services/main'
import { localize, type LocalizedText } from '#core/i18n/localized_text'
import { recordAudit } from '#core/audit/audit_trail'
import type { Actor } from '#core/audit/actor'
import { exportBounds, keysetCsv, madDecimal } from '#core/csv'

/** Exports are written in French, the administration's language (as applications'). */
const EXPORT_LOCALE = 'fr'

interface TrancheRow {
  id: number
  agreement_id: number
  sequence: number
  beneficiary: string
  milestone: LocalizedText
  request_note: string | null
  amount_centimes: number
  due_on: string | null
  state: string
  verifier: string | null
  approver: string | null
  paid_at: Date | null
}

/**
 * A call's tranches as CSV, one line each (beneficiary, agreement, amount, due date,
 * state, who verified and approved), streamed in keyset batches. Audited first: it
 * lists beneficiaries' names and money.
 */
export async function exportCallTranches(callId: number, actor: Actor) {
  const { rowCount, lastId } = await exportBounds(
    db.from('tranches').where('call_id', callId),
    'id'
  )
  await recordAudit({
    actor,
    action: 'call.tranches_exported',
    subjectType: 'call',
    subjectId: callId,
    metadata: { rowCount },
  })

  const i18n = i18nManager.locale(EXPORT_LOCALE)
  const lines = keysetCsv({
    header: [
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
    ].map((key) => i18n.t(`tranches.csv.${key}`)),
    idColumn: 'tranches.id',
    lastId,
    query: () =>
      db
        .from('tranches')
        .join('agreements', 'agreements.id', 'tranches.agreement_id')
        .join('users as beneficiaries', 'beneficiaries.id', 'agreements.beneficiary_id')
        .leftJoin('users as verifiers', 'verifiers.id', 'tranches.verified_by')
        .leftJoin('users as approvers', 'approvers.id', 'tranches.approved_by')
        .where('tranches.call_id', callId)
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
        ),
    cells: (row: TrancheRow) => [
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
    ],
  })

  return { rowCount, lines }
}
