import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { Actor } from '#core/audit/actor'

export interface AuditEntry {
  actor: Actor
  /** What happened, dotted: `call.transition`, `user.role_granted`, `tranche.paid`. */
  action: string
  subjectType: string
  subjectId: string | number
  fromState?: string | null
  toState?: string | null
  reason?: string | null
  metadata?: Record<string, unknown>
}

/**
 * Appends to the audit log. Pass the transaction of the change being audited, so the
 * entry exists if and only if the change does.
 */
export async function recordAudit(entry: AuditEntry, client?: TransactionClientContract) {
  await (client ?? db).table('audit_logs').insert({
    actor_id: entry.actor.id,
    action: entry.action,
    subject_type: entry.subjectType,
    subject_id: String(entry.subjectId),
    from_state: entry.fromState ?? null,
    to_state: entry.toState ?? null,
    reason: entry.reason ?? null,
    metadata: JSON.stringify(entry.metadata ?? {}),
    request_id: entry.actor.requestId ?? null,
    ip: entry.actor.ip ?? null,
    created_at: new Date(),
  })
}
