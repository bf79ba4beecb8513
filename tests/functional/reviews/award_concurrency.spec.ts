import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import mail from '@adonisjs/mail/services/main'
import User from '#identity/models/user'
import Decision from '#reviews/models/decision'
import { userWithRoles } from '#database/factories/user_factory'
import { budgetOf, callInReview, scoredApplication } from '#database/factories/decision_factory'
import { AwardCall } from '#reviews/actions/award_call'
import { PublishDecisions } from '#reviews/actions/publish_decisions'
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

    // Round 1: five award runs, each published, and manual awards of the same
    // applications, all at once; then a last run and publication decide the rest.
    await settle([
      ...Array.from({ length: 5 }, async () => {
        await new AwardCall().handle(call.id, actor)
        await new PublishDecisions().handle(call.id, actor)
      }),
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
    await new AwardCall().handle(call.id, actor)
    await settle([new PublishDecisions().handle(call.id, actor)])
    let budget = await budgetOf(call.id)
    assert.isAtMost(budget.committed, budget.envelope)
    assert.equal(budget.committed, budget.awardedTotal)
    assert.equal(budget.committed, budget.ledgerNet)
    const decided = await db
      .from('decisions')
      .where('call_id', call.id)
      .whereNotNull('published_at')
      .count('* as n')
      .first()
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

  test('a publication clicked twice, or by two officers at once, publishes once', async ({
    assert,
  }) => {
    // Envelope 1 000 000 MAD: 600k and 300k fit, 500k waits, one below the threshold.
    const call = await callInReview({ envelopeCentimes: 100_000_000 })
    created.calls.push(call)
    const officers = await Promise.all([
      userWithRoles('programme_officer'),
      userWithRoles('programme_officer'),
    ])
    created.users.push(...officers.map((officer) => officer.id))
    for (const [score, amountMad] of [
      [90, 600_000],
      [85, 500_000],
      [80, 300_000],
      [40, 100_000],
    ]) {
      await scoredApplication(call, { score, amountMad })
    }
    await new AwardCall().handle(call.id, { id: officers[0].id })
    const mails = mail.fake().mails

    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, index) =>
        new PublishDecisions().handle(call.id, { id: officers[index % 2].id })
      )
    )
    const fulfilled = results.filter((result) => result.status === 'fulfilled')
    assert.lengthOf(fulfilled, 1, 'one publication, the others find nothing left to publish')
    for (const result of results) {
      if (result.status === 'rejected') {
        assert.equal(result.reason.translationKey, 'decisions.errors.nothing_to_publish')
      }
    }
    const budget = await budgetOf(call.id)
    assert.deepEqual(budget, {
      envelope: 100_000_000,
      committed: 90_000_000,
      awardedTotal: 90_000_000,
      ledgerNet: 90_000_000,
    })
    const ledger = await db.from('ledger_entries').where('call_id', call.id).count('* as n').first()
    assert.equal(Number(ledger.n), 2, 'one commitment per award')
    const applicationRows = await db.from('applications').where('call_id', call.id).select('id')
    const transitions = await db
      .from('audit_logs')
      .where('subject_type', 'application')
      .whereIn(
        'subject_id',
        applicationRows.map((row) => String(row.id))
      )
      .count('* as n')
      .first()
    // Awarded twice (shortlisted, awarded) + one waitlisted (shortlisted, waitlisted) + one rejected.
    assert.equal(Number(transitions.n), 7)
    assert.lengthOf(mails.queued(), 4, 'each applicant told once')
  })
})
