import { inject } from '@adonisjs/core'
import type { Job } from '#core/queue/types'
import { SYSTEM_ACTOR } from '#core/audit/actor'
import { IssueRelease } from '#reporting/register/actions/issue_release'
import type { ReleaseReason } from '#reporting/register/models/open_data_release'

/** Issues a call's release if its register changed (idempotent: the digest decides). */
@inject()
export default class IssueReleaseJob implements Job<{ callId: number; reason: ReleaseReason }> {
  constructor(private issueRelease: IssueRelease) {}

  handle({ callId, reason }: { callId: number; reason: ReleaseReason }) {
    return this.issueRelease.handle(callId, reason, SYSTEM_ACTOR)
  }
}
