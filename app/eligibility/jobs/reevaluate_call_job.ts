import { inject } from '@adonisjs/core'
import type { Job, JobContext } from '#core/queue/types'
import { ReevaluateCall, type ReevaluationInput } from '#eligibility/actions/reevaluate_call'

/** Re-evaluates a call against a published rule set version, reporting its progress. */
@inject()
export default class ReevaluateCallJob implements Job<ReevaluationInput> {
  constructor(private reevaluateCall: ReevaluateCall) {}

  handle(payload: ReevaluationInput, { progress }: JobContext) {
    return this.reevaluateCall.handle(payload, ({ percent }) => progress(percent))
  }
}
