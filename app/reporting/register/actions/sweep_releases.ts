import { inject } from '@adonisjs/core'
import db from '@adonisjs/lucid/services/db'
import { SYSTEM_ACTOR } from '#core/audit/actor'
import { IssueRelease } from '#reporting/register/actions/issue_release'

/**
 * Re-reads the register of every call with a published award and issues a release where
 * it changed: tranches paid, awards declined or promoted, names changed. Each call in its
 * own transaction, so one failing call does not hold the others back.
 */
@inject()
export class SweepReleases {
  constructor(private issueRelease: IssueRelease) {}

  async handle() {
    const calls = await db
      .from('decisions')
      .where('outcome', 'awarded')
      .whereNotNull('published_at')
      .distinct('call_id')
      .orderBy('call_id')
    let issued = 0
    for (const { call_id: callId } of calls) {
      const result = await this.issueRelease.handle(callId, 'sweep', SYSTEM_ACTOR)
      if (result.outcome === 'issued') issued++
    }
    return { calls: calls.length, issued }
  }
}
