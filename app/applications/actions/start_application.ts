import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import Application from '#applications/models/application'
import Call from '#programmes/models/call'
import Organization from '#identity/models/organization'
import type User from '#identity/models/user'
import { DomainError } from '#core/exceptions/domain_error'
import { recordAudit } from '#core/audit/audit_trail'
import type { Actor } from '#core/audit/actor'
import { inTransaction } from '#core/transactions'

/** Who files for each kind of call: a person, a startup, or a fund manager company. */
const APPLICANT_RULES = {
  startup_offer: { role: 'applicant', organization: 'optional', kind: 'startup' },
  living_grant: { role: 'applicant', organization: 'none', kind: null },
  vc_call: { role: 'fund_manager', organization: 'required', kind: 'fund_manager_company' },
} as const

/**
 * Opens a draft on an open call, for the person or for one of their organizations.
 * Starting twice returns the draft already there (one live application per call).
 */
export class StartApplication {
  async handle(
    user: User,
    callId: number,
    organizationId: number | null,
    actor: Actor,
    outerClient?: TransactionClientContract
  ) {
    return inTransaction(outerClient, async (client) => {
      const call = await Call.query({ client }).where('id', callId).preload('programme').first()
      if (!call || call.state !== 'open')
        throw new DomainError('applications.errors.call_not_open', { status: 404 })
      const now = DateTime.utc()
      if (now < call.opensAt || now >= call.closesAt) {
        throw new DomainError('applications.errors.call_not_open', { status: 409 })
      }
      const kind = call.programme.kind
      if (kind === 'training')
        throw new DomainError('applications.errors.call_not_open', { status: 404 })
      const rule = APPLICANT_RULES[kind]
      if (!user.hasRole(rule.role)) {
        throw new DomainError(`applications.errors.role_${rule.role}`, { status: 403 })
      }

      let organization: Organization | null = null
      if (organizationId !== null && rule.organization !== 'none') {
        organization = await Organization.query({ client })
          .where('id', organizationId)
          .where('kind', rule.kind!)
          .whereHas('members', (members) => members.where('user_id', user.id))
          .first()
        if (!organization)
          throw new DomainError('applications.errors.not_a_member', { status: 403 })
      }
      if (!organization && rule.organization === 'required') {
        throw new DomainError('applications.errors.organization_required', { status: 422 })
      }

      const existing = await Application.query({ client })
        .where('call_id', call.id)
        .whereNot('state', 'withdrawn')
        .if(
          organization,
          (query) => query.where('organization_id', organization!.id),
          (query) => query.where('applicant_id', user.id).whereNull('organization_id')
        )
        .first()
      if (existing) return existing

      const application = await Application.create(
        {
          callId: call.id,
          applicantId: user.id,
          organizationId: organization?.id ?? null,
          state: 'draft',
          answers: {},
          region: organization?.region ?? null,
          title: (organization?.name ?? user.fullName).slice(0, 200),
        },
        { client }
      )
      await recordAudit(
        {
          actor,
          action: 'application.created',
          subjectType: 'application',
          subjectId: application.id,
          toState: 'draft',
          metadata: { callId: call.id, organizationId: organization?.id ?? null },
        },
        client
      )
      return application
    })
  }
}
