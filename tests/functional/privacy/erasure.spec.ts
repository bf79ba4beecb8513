import { test } from '@japa/runner'
import { draftOf } from '#database/factories/application_factory'
import db from '@adonisjs/lucid/services/db'
import drive from '@adonisjs/drive/services/main'
import { DateTime } from 'luxon'
import User from '#identity/models/user'
import Certificate from '#training/models/certificate'
import { cohortOf, enrolmentAnswers, enrolmentIn } from '#database/factories/training_factory'
import { agreementFor } from '#database/factories/agreement_factory'
import { userWithRoles } from '#database/factories/user_factory'
import { ErasePerson } from '#privacy/actions/erase_person'
import { isolateEachTest } from '#tests/helpers/http'
import { sealAuditLog, verifyAuditLog } from '#core/audit/audit_chain_store'
import {
  auditFingerprint,
  draftNaming,
  filesContaining,
  lastAuditId,
  requestOf,
  whereFound,
} from '#tests/functional/privacy/privacy_fixtures'

test.group('Erasure (law 09-08)', (group) => {
  isolateEachTest(group)

  test('an erased person appears nowhere while totals and audit rows are untouched', async ({
    assert,
  }) => {
    // Everything paid: no money owed, so nothing holds the erasure back.
    const { applicant, agreement, call } = await agreementFor({
      trancheStates: Array(12).fill('paid'),
      withBankDetails: true,
    })
    const { storageKey, cin } = await draftNaming(applicant)
    // A completed training with its certificate, naming the person too.
    const enrolment = await enrolmentIn(await cohortOf(), applicant.id, {
      state: 'completed',
      answers: enrolmentAnswers({ motivation: `${applicant.fullName}, ${cin}` }),
    })
    const certificate = await Certificate.create({
      enrolmentId: enrolment.id,
      code: `TEST${applicant.id}`.padEnd(16, 'X'),
      issuedAt: DateTime.utc(),
      locale: 'fr',
      traineeName: applicant.fullName,
    })
    // Invited onto someone else's application as a co-applicant (issue 14): by address.
    const inviter = await userWithRoles('applicant')
    const invitedOnto = await draftOf(inviter, call)
    await db.table('application_members').insert({
      application_id: invitedOnto.id,
      email: applicant.email.toUpperCase(),
      role: 'viewer',
      invited_by: inviter.id,
      invited_at: new Date(),
      updated_at: new Date(),
    })
    const { fullName, email } = applicant
    const admin = await userWithRoles('admin')
    const request = await requestOf(applicant, 'erasure')
    assert.isNotEmpty(await whereFound(fullName))
    assert.isNotEmpty(await filesContaining(fullName))

    const totals = async () => {
      const row = await db
        .from('calls')
        .where('id', call.id)
        .select('committed_centimes', 'disbursed_centimes')
        .first()
      const paid = await db
        .from('agreements')
        .where('id', agreement.id)
        .select('paid_centimes')
        .first()
      const [ledger] = await db.from('ledger_entries').where('call_id', call.id).count('* as n')
      return { ...row, ...paid, ledger: ledger.n }
    }
    const before = await totals()
    await sealAuditLog()
    const auditMax = await lastAuditId()
    const audit = await auditFingerprint(auditMax)

    const outcome = await new ErasePerson().handle(request.id, { id: admin.id })

    assert.equal(outcome, 'completed')
    for (const needle of [fullName, email, cin]) {
      // Every table, the audit log included.
      const inTables = await whereFound(needle)
      assert.deepEqual(inTables, [], `${needle} still in ${inTables.join(', ')}`)
      assert.deepEqual(await filesContaining(needle), [], `${needle} still in a file`)
    }
    assert.isFalse(await drive.use().exists(storageKey))
    assert.deepEqual(await totals(), before)
    assert.deepEqual(await auditFingerprint(auditMax), audit)
    // The erasure's own entries join the chain, and the whole chain still verifies.
    await sealAuditLog()
    const chain = await verifyAuditLog()
    assert.isTrue(chain.intact)
    assert.equal(chain.unsealed, 0)

    const erased = await User.findOrFail(applicant.id)
    assert.equal(erased.fullName, `Personne supprimée #${applicant.id}`)
    assert.equal(erased.email, `erased-${applicant.id}@invalid`)
    assert.isNotNull(erased.erasedAt)
    await assert.rejects(() => User.verifyCredentials(email, 'correct horse battery staple'))
    const erasure = await db.from('audit_logs').where('action', 'user.erased').first()
    assert.equal(erasure.subject_id, String(applicant.id))
    await request.refresh()
    assert.equal(request.state, 'completed')
    // The certificate stays verifiable, under the pseudonym.
    await certificate.refresh()
    assert.equal(certificate.traineeName, erased.fullName)
  })

  test('erasure is refused while money is still owed to the person', async ({ assert }) => {
    // One tranche paid, the rest planned: the agreement is still being paid out.
    const { applicant, agreement } = await agreementFor({
      trancheStates: ['paid'],
      withBankDetails: true,
    })
    const admin = await userWithRoles('admin')
    const request = await requestOf(applicant, 'erasure')

    const outcome = await new ErasePerson().handle(request.id, { id: admin.id })

    assert.equal(outcome, 'refused')
    await request.refresh()
    assert.equal(request.state, 'refused')
    assert.equal(request.refusalReason, 'money_in_flight')
    const user = await User.findOrFail(applicant.id)
    assert.equal(user.fullName, applicant.fullName)
    await agreement.refresh()
    assert.isNotNull(agreement.ibanEncrypted)
  })
})
