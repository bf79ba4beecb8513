import type { Job } from '#core/queue/types'
import { sealAuditLog } from '#core/audit/audit_chain_store'

/** Chains the audit entries committed since the last run (idempotent: sealed rows stay). */
export default class SealAuditLogJob implements Job<Record<string, never>> {
  handle() {
    return sealAuditLog()
  }
}
