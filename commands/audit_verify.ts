import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Seals what is waiting, then walks the whole audit chain: `node ace audit:verify`.
 * Exits 1 at the first break, naming the entry, so a cron or CI can alert on it.
 */
export default class AuditVerify extends BaseCommand {
  static commandName = 'audit:verify'
  static description = 'Verify the audit log hash chain (exit 1 where it breaks)'
  static options: CommandOptions = { startApp: true }

  async run() {
    const { sealAuditLog, verifyAuditLog } = await import('#core/audit/audit_chain_store')
    const sealed = await sealAuditLog()
    if (sealed) this.logger.info(`sealed ${sealed} new entries`)
    const report = await verifyAuditLog()
    if (report.intact) {
      this.logger.success(
        `audit chain intact up to entry ${report.head.entryId ?? '-'} (position ${report.head.position}, hash ${report.head.hash})`
      )
      return
    }
    const { broken } = report
    this.logger.error(
      `audit chain broken at entry ${broken.entryId} (position ${broken.position}, ${broken.kind}): expected ${broken.expected}, stored ${broken.stored}`
    )
    this.exitCode = 1
  }
}
