import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { RECORD_KINDS, retentionPolicy } from '#config/retention'
import { SYSTEM_ACTOR } from '#core/audit/actor'

/**
 * Applies the retention periods of config/retention.ts now: `node ace retention:apply`,
 * or `--dry-run` to see what is due per kind without changing anything.
 */
export default class RetentionApply extends BaseCommand {
  static commandName = 'retention:apply'
  static description = 'Erase or pseudonymise the records whose retention period is over'
  static options: CommandOptions = { startApp: true }

  @flags.boolean({ description: 'Count what is due per kind, change nothing' })
  declare dryRun?: boolean

  async run() {
    const { ApplyRetention } = await import('#privacy/actions/apply_retention')
    const report = await new ApplyRetention().handle({ dryRun: Boolean(this.dryRun) }, SYSTEM_ACTOR)
    const table = this.ui.table()
    table.head(['kind', 'days', 'effect', this.dryRun ? 'due' : 'done'])
    for (const kind of RECORD_KINDS) {
      const { days, effect } = retentionPolicy[kind]
      table.row([kind, String(days), effect, String(report[kind])])
    }
    table.render()
    if (this.dryRun) this.logger.info('dry run: nothing was changed')
  }
}
