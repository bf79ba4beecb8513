import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Call from '#programmes/models/call'
import Programme from '#programmes/models/programme'
import { callLifecycle, type CallState } from '#programmes/call_lifecycle'
import { currentFormVersion } from '#programmes/form_versions'
import { checkFormDefinition } from '#programmes/forms/definition_checker'
import { hasPassed } from '#core/casablanca_time'
import { DomainError } from '#core/exceptions/domain_error'
import type { Actor } from '#core/audit/actor'

/**
 * Moves a call along draft → open → closed → decided → archived. Opening is refused
 * until the call has a usable application form (one that declares the requested amount
 * where the programme awards the amount asked) and a closing instant still ahead:
 * applicants must never meet a broken form or a call that is over before it starts.
 */
export class TransitionCall {
  async handle(callId: number, to: CallState, reason: string | null, actor: Actor) {
    return db.transaction(async (client) => {
      // Lock first, so the checks below hold until the state is written.
      const call = await Call.query({ client }).where('id', callId).forUpdate().firstOrFail()
      if (to === 'open' && callLifecycle.can(call.state, to)) {
        await this.assertReadyToOpen(call, client)
      }
      return callLifecycle.transition(Call, call.id, to, { actor, reason, client })
    })
  }

  private async assertReadyToOpen(call: Call, client: TransactionClientContract) {
    if (hasPassed(call.closesAt)) {
      throw new DomainError('staff_programmes.lifecycle.closes_in_past', { status: 422 })
    }
    const form = await currentFormVersion(call.id, client)
    if (!form) {
      throw new DomainError('staff_programmes.lifecycle.no_form', { status: 422 })
    }
    const problems = checkFormDefinition(form.definition)
    if (problems.length > 0) {
      throw new DomainError('staff_programmes.lifecycle.invalid_form', {
        status: 422,
        data: { count: problems.length, version: form.version },
      })
    }
    // A usable form that does not say which field holds the amount asked, where the
    // programme awards that amount: the only problem the kind adds.
    const programme = await Programme.query({ client }).where('id', call.programmeId).firstOrFail()
    if (checkFormDefinition(form.definition, programme.kind).length > 0) {
      throw new DomainError('staff_programmes.lifecycle.no_requested_amount', {
        status: 422,
        data: { version: form.version },
      })
    }
  }
}
