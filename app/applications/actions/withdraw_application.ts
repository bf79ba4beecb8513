import type Application from '#applications/models/application'
import { applicationLifecycle, WITHDRAWABLE_STATES } from '#applications/application_lifecycle'
import { DomainError } from '#core/exceptions/domain_error'
import type { Actor } from '#core/audit/actor'

/** The applicant withdraws, at any time before a decision, with an optional reason. */
export class WithdrawApplication {
  async handle(application: Application, reason: string | null, actor: Actor) {
    if (!WITHDRAWABLE_STATES.includes(application.state)) {
      throw new DomainError('applications.errors.not_withdrawable', { status: 409 })
    }
    return applicationLifecycle.transition(
      application.constructor as typeof Application,
      application.id,
      'withdrawn',
      { actor, reason }
    )
  }
}
