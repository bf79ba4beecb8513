import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import Decision from '#reviews/models/decision'
import Application from '#applications/models/application'
import Call from '#programmes/models/call'
import Agreement from '#disbursements/models/agreement'
import Tranche from '#disbursements/models/tranche'
import { applicationLifecycle } from '#applications/application_lifecycle'
import { stipendStart, trancheSchedule, type AgreementKind } from '#disbursements/tranche_schedule'
import { inTransaction } from '#core/transactions'
import { trancheIdempotencyKey } from '#disbursements/tranches'
import { DomainError } from '#core/exceptions/domain_error'
import { nowInCasablanca } from '#core/casablanca_time'
import { recordAudit } from '#core/audit/audit_trail'
import type { Actor } from '#core/audit/actor'

/**
 * A finance officer turns an accepted award into its agreement: the applicant is the
 * beneficiary, the award is the total, the schedule follows the programme's kind, and
 * the application becomes `contracted`. One transaction; the decision row lock and the
 * unique `decision_id` make a second click return the same agreement.
 */
export class CreateAgreement {
  async handle(decisionId: number, actor: Actor, outerClient?: TransactionClientContract) {
    return inTransaction(outerClient, async (client) => {
      const decision = await Decision.query({ client }).where('id', decisionId).forUpdate().first()
      if (!decision) throw new DomainError('agreements.errors.award_not_found', { status: 404 })
      const existing = await Agreement.query({ client }).where('decision_id', decision.id).first()
      if (existing) return { agreement: existing, created: false }
      if (decision.outcome !== 'awarded' || decision.response !== 'accepted') {
        throw new DomainError('agreements.errors.award_not_accepted', { status: 409 })
      }

      const application = await Application.query({ client })
        .where('id', decision.applicationId)
        .forUpdate()
        .firstOrFail()
      const call = await Call.query({ client })
        .where('id', decision.callId)
        .preload('programme')
        .firstOrFail()
      const programme = call.programme
      const kind = programme.kind as AgreementKind
      const totalCentimes = decision.amountCentimes!

      const agreement = await Agreement.create(
        {
          decisionId: decision.id,
          callId: call.id,
          applicationId: application.id,
          beneficiaryId: application.applicantId,
          kind,
          state: 'active',
          totalCentimes,
          paidCentimes: 0,
        },
        { client }
      )
      // The header links to "my agreements" from now on (read from the user, no query).
      await client
        .from('users')
        .where('id', application.applicantId)
        .update({ is_beneficiary: true })
      const answers = (application.submittedAnswers ?? application.answers) as Record<
        string,
        Record<string, unknown> | undefined
      > | null
      const schedule = trancheSchedule({
        kind,
        totalCentimes,
        stipendMonths: programme.stipendMonths,
        monthlyStipendCentimes: programme.monthlyStipendCentimes,
        startOn: stipendStart(answers?.project?.planned_start_on, nowInCasablanca()),
      })
      if (schedule.length) {
        await Tranche.createMany(
          schedule.map((tranche) => ({
            agreementId: agreement.id,
            callId: call.id,
            sequence: tranche.sequence,
            amountCentimes: tranche.amountCentimes,
            dueOn: tranche.dueOn ? DateTime.fromISO(tranche.dueOn) : null,
            milestone: tranche.milestone,
            state: 'planned',
            idempotencyKey: trancheIdempotencyKey(agreement.id, tranche.sequence),
          })),
          { client }
        )
      }
      await recordAudit(
        {
          actor,
          action: 'agreement.created',
          subjectType: 'agreement',
          subjectId: agreement.id,
          metadata: { decisionId: decision.id, totalCentimes, kind, tranches: schedule.length },
        },
        client
      )
      await applicationLifecycle.apply(application, 'contracted', {
        actor,
        client,
        metadata: { agreementId: agreement.id },
      })
      return { agreement, created: true }
    })
  }
}
