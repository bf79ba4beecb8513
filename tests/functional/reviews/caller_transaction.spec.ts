import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { openCallOf } from '#database/factories/programme_factory'
import { userWithRoles } from '#database/factories/user_factory'
import { committeeFor, eligibleApplicationsOf } from '#database/factories/review_factory'
import { callInReview, scoredApplication } from '#database/factories/decision_factory'
import { AssignReviewers } from '#reviews/actions/assign_reviewers'
import { AwardCall } from '#reviews/actions/award_call'
import { PublishDecisions } from '#reviews/actions/publish_decisions'
import DecisionMail from '#reviews/mails/decision_mail'
import ReviewAssignmentMail from '#reviews/mails/review_assignment_mail'
import { captureMail, isolateEachTest } from '#tests/helpers/http'

/**
 * The committee's actions run in a caller's transaction (the demo seed does) and mail
 * only once that transaction has committed: never about rows a rollback undid.
 */
test.group('Committee actions / in the caller’s transaction', (group) => {
  isolateEachTest(group)

  async function awardableCall() {
    const call = await callInReview({ envelopeCentimes: 100_000_000 })
    await scoredApplication(call, { score: 90, amountMad: 600_000 })
    await scoredApplication(call, { score: 42, amountMad: 10_000 })
    return { call, officer: await userWithRoles('programme_officer') }
  }

  test('publishing the award run mails the applicants only once the caller’s transaction commits', async ({
    assert,
  }) => {
    const { call, officer } = await awardableCall()
    const mails = captureMail()
    const decisionMails = () => mails.queued((mail) => mail instanceof DecisionMail)

    await db.transaction(async (client) => {
      const outcome = await new AwardCall().handle(call.id, { id: officer.id }, client)
      assert.deepEqual(outcome, { awarded: 1, waitlisted: 0, rejected: 1 })
      const published = await new PublishDecisions().handle(call.id, { id: officer.id }, client)
      assert.equal(published.awarded, 1)
      assert.lengthOf(decisionMails(), 0)
    })

    assert.lengthOf(decisionMails(), 2)
  })

  test('an award run rolled back with the caller’s transaction decides and mails nothing', async ({
    assert,
  }) => {
    const { call, officer } = await awardableCall()
    const mails = captureMail()

    await assert.rejects(
      () =>
        db.transaction(async (client) => {
          await new AwardCall().handle(call.id, { id: officer.id }, client)
          await new PublishDecisions().handle(call.id, { id: officer.id }, client)
          throw new Error('a later step of the caller fails')
        }),
      'a later step of the caller fails'
    )

    assert.lengthOf(
      mails.queued(() => true),
      0
    )
    const [decisions] = await db.from('decisions').where('call_id', call.id).count('* as total')
    assert.equal(Number(decisions.total), 0)
  })

  test('the assignment mails the reviewers only once the caller’s transaction commits', async ({
    assert,
  }) => {
    const call = await openCallOf()
    const officer = await userWithRoles('programme_officer')
    await committeeFor(call, 3)
    await eligibleApplicationsOf(call, 2)
    const mails = captureMail()
    const reviewMails = () => mails.queued((mail) => mail instanceof ReviewAssignmentMail)

    await db.transaction(async (client) => {
      const outcome = await new AssignReviewers().handle(call.id, { id: officer.id }, client)
      assert.equal(outcome.assigned, 6)
      assert.lengthOf(reviewMails(), 0)
    })

    assert.lengthOf(reviewMails(), 3)
  })
})
