import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { agreementFor } from '#database/factories/agreement_factory'
import { userWithRoles } from '#database/factories/user_factory'
import { ApproveTranche } from '#disbursements/actions/approve_tranche'
import { IssueCapitalCall } from '#disbursements/actions/request_tranche'
import { ENGAGED_STATES } from '#disbursements/ledger'
import { resetRedis } from '#tests/helpers/services'

/*
| Real transactions, committed: no global transaction here, so the approvals really
| contend for the rows. Everything a test creates is deleted afterwards, except the users
| (the append-only audit log refers to them) and their audit entries.
*/
const TOTAL = 100_000_000
const ATTEMPTS = 8
/** 30 % of the award each: three fit, the fourth would pay beyond it. */
const SHARE = 30_000_000

async function deleteCall(callId: number) {
  await db.from('tranches').where('call_id', callId).delete()
  await db.from('agreements').where('call_id', callId).delete()
  await db.from('ledger_entries').where('call_id', callId).delete()
  const decisions = await db.from('decisions').where('call_id', callId).select('application_id')
  await db.from('decisions').where('call_id', callId).delete()
  await db
    .from('applications')
    .whereIn(
      'id',
      decisions.map((row) => row.application_id)
    )
    .delete()
  const call = await db.from('calls').where('id', callId).first()
  await db.from('form_versions').where('call_id', callId).delete()
  await db.from('calls').where('id', callId).delete()
  await db.from('programmes').where('id', call.programme_id).delete()
}

async function engagedOn(agreementId: number) {
  const row = await db
    .from('tranches')
    .where('agreement_id', agreementId)
    .whereIn('state', [...ENGAGED_STATES])
    .sum('amount_centimes as total')
    .count('* as count')
    .first()
  return { total: Number(row.total ?? 0), count: Number(row.count) }
}

test.group('Tranches: concurrent approvals and capital calls', (group) => {
  group.each.setup(() => resetRedis())

  test('{$i}: concurrent approvals of one agreement never exceed the award', async ({
    assert,
    cleanup,
  }) => {
    const { agreement, call, tranches, verifier } = await agreementFor({
      kind: 'vc_call',
      amountCentimes: TOTAL,
      trancheStates: Array.from({ length: ATTEMPTS }, () => 'verified' as const),
    })
    cleanup(() => deleteCall(call.id))
    // Tranches over-subscribing the award (as a mistake or an attack would).
    await db.from('tranches').where('agreement_id', agreement.id).update({ amount_centimes: SHARE })
    const approvers = await Promise.all(tranches.map(() => userWithRoles('finance_officer')))

    const results = await Promise.allSettled(
      tranches.map((tranche, index) =>
        new ApproveTranche().handle(tranche.id, { id: approvers[index].id })
      )
    )

    const fulfilled = results.filter((result) => result.status === 'fulfilled')
    const refused = results.filter(
      (result): result is PromiseRejectedResult => result.status === 'rejected'
    )
    assert.lengthOf(fulfilled, 3)
    assert.isTrue(
      refused.every((result) => result.reason.translationKey === 'tranches.errors.beyond_award'),
      'every refusal says the award would be exceeded'
    )
    const engaged = await engagedOn(agreement.id)
    assert.equal(engaged.count, 3)
    assert.isAtMost(engaged.total, TOTAL)
    assert.notEqual(verifier, undefined)
  }).with([1, 2, 3])

  test('concurrent capital calls never call more than the commitment', async ({
    assert,
    cleanup,
  }) => {
    const { agreement, call, applicant } = await agreementFor({
      kind: 'vc_call',
      amountCentimes: TOTAL,
    })
    cleanup(() => deleteCall(call.id))
    const results = await Promise.allSettled(
      Array.from({ length: ATTEMPTS }, () =>
        new IssueCapitalCall().handle(
          agreement.id,
          { amount: SHARE, purpose: 'Prise de participation simultanée' },
          { id: applicant.id },
          'fr'
        )
      )
    )
    assert.lengthOf(
      results.filter((result) => result.status === 'fulfilled'),
      3
    )
    const rows = await db
      .from('tranches')
      .where('agreement_id', agreement.id)
      .orderBy('sequence')
      .select('sequence', 'amount_centimes')
    assert.deepEqual(
      rows.map((row) => row.sequence),
      [1, 2, 3]
    )
  })
})
