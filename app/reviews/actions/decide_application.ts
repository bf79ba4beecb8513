import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import type { Infer } from '@vinejs/vine/types'
import Application from '#applications/models/application'
import Decision from '#reviews/models/decision'
import type { manualDecisionValidator } from '#reviews/validators/decisions'
import {
  STANDARD_CONDITIONS,
  availableCentimes,
  lockApplication,
  lockCall,
  moveApplicationTo,
  grantAward,
  notifyDecisions,
} from '#reviews/award_budget'
import { DomainError } from '#core/exceptions/domain_error'
import { Money } from '#core/money'
import type { Actor } from '#core/audit/actor'

/** States an officer may still decide by hand; a waitlisted application may be moved up. */
const DECIDABLE = new Set(['in_review', 'shortlisted', 'waitlisted'])

/**
 * An officer awards (an amount that must fit what is left of the envelope) or rejects
 * (with reasons) one application, under the same call lock as the award run. A manual
 * decision is final at once: published, committed, mailed.
 */
export class DecideApplication {
  async handle(applicationId: number, input: Infer<typeof manualDecisionValidator>, actor: Actor) {
    const found = await Application.find(applicationId)
    if (!found) throw new DomainError('decisions.errors.not_found', { status: 404 })
    const decision = await db.transaction(async (client) => {
      const { call } = await lockCall(found.callId, client)
      const application = await lockApplication(applicationId, client)
      if (!DECIDABLE.has(application.state)) {
        throw new DomainError('decisions.errors.already_decided', { status: 409 })
      }
      const existing = await Decision.query({ client })
        .where('application_id', applicationId)
        .forUpdate()
        .first()
      // A published decision is final, except a place on the reserve list; an award run's
      // unpublished preview is only a proposal, which the officer's decision replaces.
      if (existing && existing.publishedAt !== null && existing.outcome !== 'waitlisted') {
        throw new DomainError('decisions.errors.already_decided', { status: 409 })
      }
      const record = existing ?? new Decision()
      record.merge({ callId: call.id, applicationId, decidedBy: actor.id!, reservePosition: null })

      if (input.outcome === 'rejected') {
        record.merge({
          outcome: 'rejected',
          amountCentimes: null,
          conditions: [],
          reasons: [input.reasons!],
          publishedAt: DateTime.utc(),
        })
        await record.useTransaction(client).save()
        await moveApplicationTo(application, 'rejected', actor, client, input.reasons)
        return record
      }

      const amount = input.amount!
      if (amount <= 0 || amount > availableCentimes(call)) {
        throw new DomainError('decisions.errors.over_budget', {
          status: 409,
          data: { available: Money.ofCentimes(availableCentimes(call)).format('fr') },
        })
      }
      const conditions = input.conditions
        ? [...STANDARD_CONDITIONS, input.conditions]
        : STANDARD_CONDITIONS
      return grantAward(
        call,
        record,
        application,
        { amountCentimes: amount, conditions },
        actor,
        client
      )
    })
    await notifyDecisions([decision])
    return decision
  }
}
