import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import mail from '@adonisjs/mail/services/main'
import User from '#identity/models/user'
import Decision from '#reviews/models/decision'
import { userWithRoles } from '#database/factories/user_factory'
import { budgetOf, callInReview, scoredApplication } from '#database/factories/decision_factory'
import { AwardCall } from '#reviews/actions/award_call'
import { DecideApplication } from '#reviews/actions/decide_application'
import { RespondToAward } from '#reviews/actions/respond_to_award'
import type Call from '#programmes/models/call'
import type Application from '#applications/models/application'

/**
 * Real transactions on committed rows (no global transaction): the call's row lock and
 * the ledger CHECK are what is under test. Everything created is deleted afterwards.
 */
const created = { calls: [] as Call[], users: [] as number[] }

async function deleteCreatedRows() {
  const callIds = created.calls.map((call) => call.id)
  const programmeIds = created.calls.map((call) => call.programmeId)
  if (callIds.length === 0) return
  const applicationIds = await db
    .from('applications')
    .whereIn('call_id', callIds)
    .select('id', 'applicant_id')
  await db.from('ledger_entries').whereIn('call_id', callIds).delete()
  await db.from('decisions').whereIn('call_id', callIds).delete()
  await db.from('review_aggregates').whereIn('call_id', callIds).delete()
  await db.from('call_rubrics').whereIn('call_id', callIds).delete()
  await db.from('applications').whereIn('call_id', callIds).delete()
  await db.from('form_versions').whereIn('call_id', callIds).delete()
  await db.from('calls').whereIn('id', callIds).delete()
  await db.from('programmes').whereIn('id', programmeIds).delete()
  // The audit log is append-only: people who acted stay, with their entries.
  await db
    .from('users')
    .whereIn('id', [...created.users, ...applicationIds.map((row) => row.applicant_id)])
    .whereNotExists((query) =>
      query.from('audit_logs').whereColumn('audit_logs.actor_id', 'users.id')
    )
    .delete()
  created.calls = []
  created.users = []
}

async function settle(promises: Promise<unknown>[]) {
  const results = await Promise.allSettled(promises)
  return results.filter((result) => result.status === 'fulfilled').length
}

test.group('Award / concurrency (real transactions, committed rows)', (group) => {
  group.each.setup(() => {
    mail.fake()
    return () => mail.restore()
  })
  group.each.teardown(() => deleteCreatedRows())

  test('parallel award runs, manual awards and declines never exceed the envelope', async ({
    assert,
  }) => {
    // Envelope 1 000 000 MAD; 12 applications asking 150k–400k: far more than fits.
    const call = await callInReview({ envelopeCentimes: 100_000_000 })
    created.calls.push(call)
    const officer = await userWithRoles('programme_officer')
    created.users.push(officer.id)
    const applications: Application[] = []
    for (let index = 0; index < 12; index++) {
      applications.push(
        await scoredApplication(call, {
          score: 95 - index * 2,
          amountMad: 150_000 + (index % 6) * 50_000,
        })
      )
    }
    const actor = { id: officer.id }

    // Round 1: five award runs and manual awards of the same applications, all at once.
    await settle([
      ...Array.from({ length: 5 }, () => new AwardCall().handle(call.id, actor)),
      ...applications
        .slice(6)
        .map((application) =>
          new DecideApplication().handle(
            application.id,
            { outcome: 'awarded', amount: 30_000_000 },
            actor
          )
        ),
    ])
    let budget = await budgetOf(call.id)
    assert.isAtMost(budget.committed, budget.envelope)
    assert.equal(budget.committed, budget.awardedTotal)
    assert.equal(budget.committed, budget.ledgerNet)
    const decided = await db.from('decisions').where('call_id', call.id).count('* as n').first()
    assert.equal(Number(decided.n), 12, 'every application decided exactly once')

    // Round 2: every awardee declines while officers award the reserve by hand.
    const awarded = await Decision.query().where({ call_id: call.id, outcome: 'awarded' })
    const waitlisted = await Decision.query().where({ call_id: call.id, outcome: 'waitlisted' })
    assert.isAbove(awarded.length, 0)
    await settle([
      ...awarded.map(async (decision) => {
        const application = applications.find((item) => item.id === decision.applicationId)!
        const applicant = await User.findOrFail(application.applicantId)
        return new RespondToAward().handle(decision, 'declined', { id: applicant.id })
      }),
      ...waitlisted.map((decision) =>
        new DecideApplication().handle(
          decision.applicationId,
          { outcome: 'awarded', amount: 45_000_000 },
          actor
        )
      ),
    ])
    budget = await budgetOf(call.id)
    assert.isAtMost(budget.committed, budget.envelope)
    assert.equal(
      budget.committed,
      budget.awardedTotal,
      'committed = live awards (declines excluded)'
    )
    assert.equal(budget.committed, budget.ledgerNet, 'the ledger adds up to the committed total')
    const states = await db
      .from('applications')
      .where('call_id', call.id)
      .select('state')
      .count('* as n')
      .groupBy('state')
    const declined = states.find((row) => row.state === 'declined')
    assert.equal(Number(declined?.n ?? 0), awarded.length)
  })
})
