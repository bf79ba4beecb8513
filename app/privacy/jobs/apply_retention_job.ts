import { inject } from '@adonisjs/core'
import type { Job } from '#core/queue/types'
import { ApplyRetention } from '#privacy/actions/apply_retention'
import { SYSTEM_ACTOR } from '#core/audit/actor'

/** The daily retention run (idempotent: what was erased is no longer due). */
@inject()
export default class ApplyRetentionJob implements Job<Record<string, never>> {
  constructor(private applyRetention: ApplyRetention) {}

  handle() {
    return this.applyRetention.handle({ dryRun: false }, SYSTEM_ACTOR)
  }
}
