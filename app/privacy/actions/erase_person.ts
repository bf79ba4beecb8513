import { randomBytes } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import User from '#identity/models/user'
import DataRequest from '#privacy/models/data_request'
import { pseudonymOf, scrubAnswers, scrubApplications } from '#privacy/pseudonyms'
import { deleteStoredFiles } from '#privacy/stored_files'
import { recordAudit } from '#core/audit/audit_trail'
import { DomainError } from '#core/exceptions/domain_error'
import type { Actor } from '#core/audit/actor'
import type { FormAnswers } from '#programmes/forms/form_definition'
import { retractReleasesNaming } from '#reporting/register/actions/issue_release'
import { requestReleases } from '#reporting/register/release_dispatch'

/** Tranche states after which no money is owed or moving any more. */
const SETTLED_TRANCHES = ['paid', 'reconciled', 'cancelled']

export type ErasureOutcome = 'completed' | 'refused'

/**
 * Executes an erasure request (an admin does, within the legal deadline): the person is
 * pseudonymised in one transaction, and their files deleted once it has committed.
 * Amounts, decisions, states, the ledger and the audit log are kept: the programme must
 * account for public money (legal obligation). For the same reason the erasure is
 * refused while money is still owed to the person (a tranche neither paid nor cancelled):
 * their identity and bank details are needed to pay it.
 */
export class ErasePerson {
  async handle(requestId: number, actor: Actor): Promise<ErasureOutcome> {
    const { outcome, files, calls } = await db.transaction(async (client) => {
      const request = await DataRequest.query({ client })
        .where({ id: requestId, kind: 'erasure' })
        .forUpdate()
        .firstOrFail()
      if (request.state !== 'pending') {
        throw new DomainError('privacy.requests.not_pending', { status: 409 })
      }
      const user = await User.query({ client })
        .where('id', request.userId)
        .forUpdate()
        .firstOrFail()

      if (await hasMoneyInFlight(user.id, client)) {
        request.merge({ state: 'refused', refusalReason: 'money_in_flight' })
        await close(request, actor, client)
        await recordAudit(
          {
            actor,
            action: 'data_request.refused',
            subjectType: 'data_request',
            subjectId: request.id,
            fromState: 'pending',
            toState: 'refused',
            reason: 'money_in_flight',
          },
          client
        )
        return { outcome: 'refused' as const, files: [], calls: [] }
      }

      const deleted = await pseudonymise(user, client)
      // The open-data releases naming them stop being served now; new ones follow.
      const namingCalls = await retractReleasesNaming(user.id, client)
      request.state = 'completed'
      await close(request, actor, client)
      await recordAudit(
        {
          actor,
          action: 'user.erased',
          subjectType: 'user',
          subjectId: user.id,
          metadata: { dataRequestId: request.id, filesDeleted: deleted.length },
        },
        client
      )
      return { outcome: 'completed' as const, files: deleted, calls: namingCalls }
    })
    await deleteStoredFiles(files)
    await requestReleases(calls, 'consent')
    return outcome
  }
}

async function hasMoneyInFlight(userId: number, client: TransactionClientContract) {
  const row = await client
    .from('tranches')
    .join('agreements', 'agreements.id', 'tranches.agreement_id')
    .where('agreements.beneficiary_id', userId)
    .whereNotIn('tranches.state', SETTLED_TRANCHES)
    .select('tranches.id')
    .first()
  return Boolean(row)
}

async function close(request: DataRequest, actor: Actor, client: TransactionClientContract) {
  request.merge({ handledBy: actor.id, completedAt: DateTime.utc() })
  await request.useTransaction(client).save()
}

/** Blanks everything that names the person; returns the storage keys of their files. */
async function pseudonymise(user: User, client: TransactionClientContract) {
  const now = new Date()
  const pseudonym = pseudonymOf(user.id)
  const formerEmail = user.email.toLowerCase()
  // A random password nobody knows: the account can no longer be signed into.
  user.merge({
    ...pseudonym,
    password: randomBytes(32).toString('base64url'),
    erasedAt: DateTime.utc(),
  })
  await user.useTransaction(client).save()

  await client.from('user_tokens').where('user_id', user.id).delete()
  // Co-applicant invitations name the person by address, accepted or not.
  await client
    .from('application_members')
    .where('user_id', user.id)
    .orWhereRaw('lower(email) = ?', [formerEmail])
    .update({ email: pseudonym.email, token_hash: null })
  await client.from('auth_access_tokens').where('tokenable_id', user.id).delete()
  await client
    .from('user_consents')
    .where('user_id', user.id)
    .whereNull('withdrawn_at')
    .update({ withdrawn_at: now })

  const applicationIds: number[] = await client
    .from('applications')
    .where('applicant_id', user.id)
    .select('id')
    .then((rows: { id: number }[]) => rows.map((row) => row.id))
  await scrubApplications(applicationIds, client, now)
  const documents: { storage_key: string }[] = await client
    .from('application_documents')
    .whereIn('application_id', applicationIds)
    .orWhere('uploaded_by', user.id)
    .select('storage_key')
  await client
    .from('application_documents')
    .whereIn('application_id', applicationIds)
    .orWhere('uploaded_by', user.id)
    .delete()

  const enrolments: { id: number; answers: FormAnswers }[] = await client
    .from('enrolments')
    .where('trainee_id', user.id)
    .select('id', 'answers')
  for (const enrolment of enrolments) {
    await client
      .from('enrolments')
      .where('id', enrolment.id)
      .update({ answers: JSON.stringify(scrubAnswers(enrolment.answers)), birth_date: null })
  }
  await client
    .from('certificates')
    .whereIn(
      'enrolment_id',
      enrolments.map((enrolment) => enrolment.id)
    )
    .update({ trainee_name: pseudonym.fullName })

  // The last four characters of the IBAN stay: bank statements of past payments are
  // reconciled against them, and they identify no one on their own.
  await client
    .from('agreements')
    .where('beneficiary_id', user.id)
    .update({ account_holder: null, iban_encrypted: null, bic: null, stripe_account_id: null })
  await client.from('tranches').where('requested_by', user.id).update({ request_note: null })

  const exports: { storage_key: string }[] = await client
    .from('data_requests')
    .where('user_id', user.id)
    .whereNotNull('storage_key')
    .select('storage_key')
  await client
    .from('data_requests')
    .where('user_id', user.id)
    .whereNotNull('storage_key')
    .update({ storage_key: null, state: 'expired' })

  return [...documents, ...exports].map((row) => row.storage_key)
}
