import db from '@adonisjs/lucid/services/db'
import mail from '@adonisjs/mail/services/main'
import type { Infer } from '@vinejs/vine/types'
import { applicationLifecycle } from '#applications/application_lifecycle'
import { lockSubmittedApplication } from '#eligibility/appeals'
import VerdictMail from '#eligibility/mails/verdict_mail'
import type { verdictReviewValidator } from '#eligibility/validators/appeals'
import { DomainError } from '#core/exceptions/domain_error'
import { recordAudit } from '#core/audit/audit_trail'
import type { Actor } from '#core/audit/actor'

/**
 * A programme officer confirms the eligibility verdict or overrides it (eligible ↔
 * ineligible), with a reason either way. The verdict is then the officer's: re-evaluating
 * the call leaves it alone. The applicant is told of an override by mail.
 */
export class ReviewVerdict {
  async handle(
    applicationId: number,
    { decision, reason }: Infer<typeof verdictReviewValidator>,
    actor: Actor
  ) {
    const application = await db.transaction(async (client) => {
      const locked = await lockSubmittedApplication(applicationId, client)
      if (locked.state !== 'eligible' && locked.state !== 'ineligible') {
        throw new DomainError('appeals.errors.no_verdict', { status: 409 })
      }
      locked.verdictBy = actor.id
      if (decision === 'override') {
        const to = locked.state === 'eligible' ? 'ineligible' : 'eligible'
        return applicationLifecycle.apply(locked, to, {
          actor,
          client,
          reason,
          metadata: { decision: 'override' },
        })
      }
      await locked.useTransaction(client).save()
      // No state change, so no to_state: a confirmation does not restart the appeal period.
      await recordAudit(
        {
          actor,
          action: 'application.verdict_confirmed',
          subjectType: 'application',
          subjectId: locked.id,
          reason,
          metadata: { state: locked.state },
        },
        client
      )
      return locked
    })
    if (decision === 'override') {
      await application.load('applicant')
      await mail.sendLater(
        new VerdictMail(application.applicant, application, {
          kind: 'verdict_overridden',
          outcome: application.state as 'eligible' | 'ineligible',
          reason,
        })
      )
    }
    return application
  }
}
