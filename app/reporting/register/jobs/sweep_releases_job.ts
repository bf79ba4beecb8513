import { inject } from '@adonisjs/core'
import type { Job } from '#core/queue/types'
import { SweepReleases } from '#reporting/register/actions/sweep_releases'

/** On a calendar: a release for every call whose register changed (payments, mostly). */
@inject()
export default class SweepReleasesJob implements Job<Record<string, never>> {
  constructor(private sweepReleases: SweepReleases) {}

  handle() {
    return this.sweepReleases.handle()
  }
}
