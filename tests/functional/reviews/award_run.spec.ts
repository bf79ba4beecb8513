import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { userWithRoles } from '#database/factories/user_factory'
import { budgetOf, callInReview, scoredApplication } from '#database/factories/decision_factory'
import { captureMail, isolateEachTest } from '#tests/helpers/http'
import DecisionMail from '#reviews/mails/decision_mail'
import type Application from '#applications/models/application'
import { expectStatus, pick } from '#tests/functional/reviews/decision_fixtures'

async function decisionOf(application: Application) {
  return db.from('decisions').where('application_id', application.id).firstOrFail()
}

test.group('Award run / ranking within the envelope', (group) => {
  isolateEachTest(group)

  test('awards greedily by score within the envelope, reserves the rest in order, rejects below the threshold', async ({
    client,
    assert,
  }) => {
    // Envelope 1 000 000 MAD; asks of 600k, 500k, 300k, 200k above 60; one below.
    const call = await callInReview({ envelopeCentimes: 100_000_000 })
    const first = await scoredApplication(call, { score: 90, amountMad: 600_000 })
    const second = await scoredApplication(call, { score: 85, amountMad: 500_000 })
    const third = await scoredApplication(call, { score: 80, amountMad: 300_000 })
    const fourth = await scoredApplication(call, { score: 70, amountMad: 200_000 })
    const low = await scoredApplication(call, { score: 42, amountMad: 10_000 })
    const officer = await userWithRoles('programme_officer')
    const mails = captureMail()

    const response = await client
      .post(`/staff/calls/${call.id}/awards`)
      .loginAs(officer)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', `/staff/calls/${call.id}/ranking`)

    const outcomes = await Promise.all(
      [first, second, third, fourth, low].map(async (application) => {
        await application.refresh()
        const decision = await decisionOf(application)
        return [
          application.state,
          decision.outcome,
          decision.amount_centimes,
          decision.reserve_position,
        ]
      })
    )
    assert.deepEqual(outcomes, [
      ['awarded', 'awarded', 60_000_000, null],
      ['waitlisted', 'waitlisted', null, 1],
      ['awarded', 'awarded', 30_000_000, null],
      ['waitlisted', 'waitlisted', null, 2],
      ['rejected', 'rejected', null, null],
    ])
    assert.deepEqual(await budgetOf(call.id), {
      envelope: 100_000_000,
      committed: 90_000_000,
      awardedTotal: 90_000_000,
      ledgerNet: 90_000_000,
    })
    const audit = await db
      .from('audit_logs')
      .where({ subject_type: 'application', subject_id: String(first.id) })
      .orderBy('id')
      .select('from_state', 'to_state', 'actor_id')
    assert.deepEqual(audit, [
      { from_state: 'in_review', to_state: 'shortlisted', actor_id: officer.id },
      { from_state: 'shortlisted', to_state: 'awarded', actor_id: officer.id },
    ])
    const queued = mails.queued((mail) => mail instanceof DecisionMail) as DecisionMail[]
    assert.lengthOf(queued, 5)
  })

  test('running the award twice decides nothing twice', async ({ client, assert }) => {
    const call = await callInReview({ envelopeCentimes: 100_000_000 })
    await scoredApplication(call, { score: 90, amountMad: 600_000 })
    await scoredApplication(call, { score: 80, amountMad: 600_000 })
    const officer = await userWithRoles('programme_officer')
    for (let run = 0; run < 2; run++) {
      const response = await client
        .post(`/staff/calls/${call.id}/awards`)
        .loginAs(officer)
        .withCsrfToken()
        .accept('json')
      response.assertStatus(200)
      if (run === 1) response.assertBodyContains({ awarded: 0, waitlisted: 0, rejected: 0 })
    }
    const decisions = await db.from('decisions').where('call_id', call.id).count('* as n').first()
    assert.equal(Number(decisions.n), 2)
    assert.equal(await pick(budgetOf(call.id), 'committed'), 60_000_000)
  })

  test('a session consensus overrides the aggregate; the rubric threshold applies', async ({
    client,
    assert,
  }) => {
    const call = await callInReview({ envelopeCentimes: 100_000_000, threshold: 75 })
    const lifted = await scoredApplication(call, { score: 70, amountMad: 100_000 })
    const lowered = await scoredApplication(call, { score: 90, amountMad: 100_000 })
    const [session] = await db
      .table('committee_sessions')
      .insert({
        call_id: call.id,
        held_at: new Date(),
        quorum: 1,
        state: 'open',
        created_at: new Date(),
        updated_at: new Date(),
      })
      .returning('id')
    await db.table('session_items').multiInsert(
      [
        [lifted, 80],
        [lowered, 50],
      ].map(([application, score], index) => ({
        session_id: session.id,
        application_id: (application as Application).id,
        position: index + 1,
        reason: 'borderline',
        consensus_score: score,
        recommendation: 'award',
        rationale: 'Débattu en séance.',
        decided_at: DateTime.utc().toJSDate(),
      }))
    )
    const officer = await userWithRoles('programme_officer')
    const ranking = await client
      .get(`/staff/calls/${call.id}/ranking`)
      .loginAs(officer)
      .accept('json')
    ranking.assertStatus(200)
    ranking.assertBodyContains({
      threshold: 75,
      rows: [
        { applicationId: lifted.id, rank: 1, finalScore: 80, outcome: 'awarded' },
        { applicationId: lowered.id, rank: null, finalScore: 50, outcome: 'rejected' },
      ],
    })
    await client.post(`/staff/calls/${call.id}/awards`).loginAs(officer).withCsrfToken()
    assert.equal(await pick(decisionOf(lifted), 'outcome'), 'awarded')
    assert.equal(await pick(decisionOf(lowered), 'outcome'), 'rejected')
  })

  test('the ranking page shows the threshold, the envelope and the proposed outcomes', async ({
    client,
  }) => {
    const call = await callInReview({ envelopeCentimes: 100_000_000 })
    const application = await scoredApplication(call, { score: 88, amountMad: 250_000 })
    const officer = await userWithRoles('programme_officer')
    const response = await client.get(`/staff/calls/${call.id}/ranking`).loginAs(officer)
    response.assertStatus(200)
    response.assertTextIncludes('Seuil d’attribution : 60 / 100.')
    response.assertTextIncludes(application.reference!)
    response.assertTextIncludes('Lancer l’attribution')
  })

  test('only programme officers see the ranking and run the award', async ({ client, assert }) => {
    const call = await callInReview()
    await scoredApplication(call, { score: 90 })
    for (const role of ['reviewer', 'applicant', 'finance_officer'] as const) {
      const user = await userWithRoles(role)
      await expectStatus(client.get(`/staff/calls/${call.id}/ranking`).loginAs(user), 403)
      await expectStatus(
        client.post(`/staff/calls/${call.id}/awards`).loginAs(user).withCsrfToken(),
        403
      )
    }
    const anonymous = await client.get(`/staff/calls/${call.id}/ranking`).redirects(0)
    anonymous.assertStatus(302)
    assert.include(anonymous.header('location'), '/login')
    const decisions = await db.from('decisions').where('call_id', call.id).count('* as n').first()
    assert.equal(Number(decisions.n), 0)
  })
})
