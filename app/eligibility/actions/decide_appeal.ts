import db from '@adonisjs/lucid/services/db'
import mail from '@adonisjs/mail/services/main'
import type { Infer } from '@vinejs/vine/types'
import { applicationLifecycle } from '#applications/application_lifecycle'
import { lockSubmittedApplication } from '#eligibility/appeals'
import VerdictMail from '#eligibility/mails/verdict_mail'
import type { appealDecisionValidator } from '#eligibility/validators/appeals'
import { DomainError } from '#core/exceptions/domain_error'
import type { Actor } from '#core/audit/actor'

/**
 * A programme officer decides an appeal: the application becomes eligible or stays
 * ineligible, with the reason, and the verdict is the officer's from then on. The
 * applicant is told by mail.
 */
export class DecideAppeal {
  async handle(
    applicationId: number,
    { decision, reason }: Infer<typeof appealDecisionValidator>,
    actor: Actor
  ) {
    const application = await db.transaction(async (client) => {
      const locked = await lockSubmittedApplication(applicationId, client)
      if (locked.state !== 'appealed') {
        throw new DomainError('appeals.errors.not_appealed', { status: 409 })
      }
      locked.verdictBy = actor.id
      return applicationLifecycle.apply(locked, decision, {
        actor,
        client,
        reason,
        metadata: { decision: 'appeal' },
      })
    })
    await application.load('applicant')
    await mail.sendLater(
      new VerdictMail(application.applicant, application, {
        kind: 'appeal_decided',
        outcome: decision,
        reason,
      })
    )
    return application
  }
}
