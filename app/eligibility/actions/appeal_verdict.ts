import db from '@adonisjs/lucid/services/db'
import mail from '@adonisjs/mail/services/main'
import { DateTime } from 'luxon'
import Application from '#applications/models/application'
import { applicationLifecycle } from '#applications/application_lifecycle'
import { appealRefusal, ineligibleSince } from '#eligibility/appeals'
import VerdictMail from '#eligibility/mails/verdict_mail'
import { DomainError } from '#core/exceptions/domain_error'
import type { Actor } from '#core/audit/actor'

/**
 * The applicant appeals an ineligible verdict: once, within the period (server clock).
 * The check and the move happen under the row's lock, so two appeals cannot both pass;
 * the applicant is told by mail once the appeal is stored.
 */
export class AppealVerdict {
  async handle(
    applicationId: number,
    statement: string,
    actor: Actor,
    now: DateTime = DateTime.utc()
  ) {
    const application = await db.transaction(async (client) => {
      const locked = await Application.query({ client })
        .where('id', applicationId)
        .forUpdate()
        .firstOrFail()
      const refusal = appealRefusal(locked, await ineligibleSince(locked.id, client), now)
      if (refusal) {
        throw new DomainError(`appeals.errors.${refusal}`, { status: 409 })
      }
      locked.merge({ appealedAt: now, appealStatement: statement })
      return applicationLifecycle.apply(locked, 'appealed', { actor, client, reason: statement })
    })
    await application.load('applicant')
    await mail.sendLater(
      new VerdictMail(application.applicant, application, { kind: 'appeal_received' })
    )
    return application
  }
}
