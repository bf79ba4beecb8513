import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { recordAudit } from '#core/audit/audit_trail'
import { DomainError } from '#core/exceptions/domain_error'
import type { Actor } from '#core/audit/actor'
import type User from '#identity/models/user'
import type { ApplicationState } from '#applications/application_lifecycle'
import type { ConsentPurpose } from '#privacy/models/user_consent'
import {
  callsWithIndividualAwardOf,
  retractReleasesNaming,
} from '#reporting/register/actions/issue_release'
import { requestReleases } from '#reporting/register/release_dispatch'

/**
 * Applications and enrolments being processed: the office is examining them, paying them
 * or holding a seat, which needs the processing consent (or, once money is involved, the
 * legal obligation to account for it).
 */
const APPLICATIONS_IN_PROCESS: ApplicationState[] = [
  'submitted',
  'screening',
  'eligible',
  'appealed',
  'in_review',
  'shortlisted',
  'awarded',
  'waitlisted',
  'contracted',
  'disbursing',
]
const ENROLMENTS_IN_PROCESS = ['pending', 'accepted', 'waitlisted']

/** Gives (or gives again) a consent, dated and audited. */
export class GiveConsent {
  async handle(user: User, purpose: ConsentPurpose, actor: Actor) {
    const calls = await db.transaction(async (client) => {
      await client
        .insertQuery()
        .table('user_consents')
        .insert({ user_id: user.id, purpose, granted_at: new Date(), withdrawn_at: null })
        .knexQuery.onConflict(['user_id', 'purpose'])
        .merge(['granted_at', 'withdrawn_at'])
      await audit(user, purpose, 'consent.given', actor, client)
      return purpose === 'open_data_publication' ? callsWithIndividualAwardOf(user.id, client) : []
    })
    // Named from the next release of each call where they hold an award.
    await requestReleases(calls, 'consent')
  }
}

/**
 * Withdraws a consent, dated and audited. The processing consent cannot be withdrawn
 * while an application or an enrolment is in process: the person withdraws it first
 * (or the office decides), then the consent.
 */
export class WithdrawConsent {
  async handle(user: User, purpose: ConsentPurpose, actor: Actor) {
    const calls = await db.transaction(async (client) => {
      if (purpose === 'processing' && (await hasFileInProcess(user.id, client))) {
        throw new DomainError('privacy.consents.in_process', { status: 409 })
      }
      const withdrawn = await client
        .from('user_consents')
        .where({ user_id: user.id, purpose })
        .whereNull('withdrawn_at')
        .update({ withdrawn_at: new Date() })
      if (Number(withdrawn) === 0) {
        throw new DomainError('privacy.consents.not_given', { status: 409 })
      }
      await audit(user, purpose, 'consent.withdrawn', actor, client)
      // The releases naming them stop being served now; new ones follow without the name.
      return purpose === 'open_data_publication' ? retractReleasesNaming(user.id, client) : []
    })
    await requestReleases(calls, 'consent')
  }
}

async function hasFileInProcess(userId: number, client: TransactionClientContract) {
  const application = await client
    .from('applications')
    .where('applicant_id', userId)
    .whereIn('state', APPLICATIONS_IN_PROCESS)
    .select('id')
    .first()
  const enrolment = await client
    .from('enrolments')
    .where('trainee_id', userId)
    .whereIn('state', ENROLMENTS_IN_PROCESS)
    .select('id')
    .first()
  return Boolean(application || enrolment)
}

function audit(
  user: User,
  purpose: ConsentPurpose,
  action: string,
  actor: Actor,
  client: TransactionClientContract
) {
  return recordAudit(
    { actor, action, subjectType: 'user', subjectId: user.id, metadata: { purpose } },
    client
  )
}
