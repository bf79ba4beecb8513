import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { userWithRoles } from '#database/factories/user_factory'
import { budgetOf, callInReview, scoredApplication } from '#database/factories/decision_factory'
import { captureMail, isolateEachTest } from '#tests/helpers/http'
import DecisionMail from '#reviews/mails/decision_mail'
import type Application from '#applications/models/application'
import User from '#identity/models/user'
import type { ApiClient } from '@japa/api-client'
import { expectStatus, pick } from '#tests/functional/reviews/decision_fixtures'

async function decisionOf(application: Application) {
  return db.from('decisions').where('application_id', application.id).firstOrFail()
}

async function countDecisions(callId: number) {
  const row = await db.from('decisions').where('call_id', callId).count('* as n').first()
  return Number(row.n)
}

/** The award run (a preview) and its publication, as the officer's two buttons post them. */
function run(client: ApiClient, callId: number, user: User) {
  return client.post(`/staff/calls/${callId}/awards`).loginAs(user).withCsrfToken().redirects(0)
}

function publish(client: ApiClient, callId: number, user: User) {
  return client
    .post(`/staff/calls/${callId}/decision-publications`)
    .loginAs(user)
    .withCsrfToken()
    .redirects(0)
}

test.group('Award run / a preview, then the publication', (group) => {
  isolateEachTest(group)

  test('the run prepares the decisions unpublished: nothing moves, nothing is committed, nobody is told', async ({
    client,
    assert,
  }) => {
    const call = await callInReview({ envelopeCentimes: 100_000_000 })
    const first = await scoredApplication(call, { score: 90, amountMad: 600_000 })
    const low = await scoredApplication(call, { score: 42, amountMad: 10_000 })
    const officer = await userWithRoles('programme_officer')
    const mails = captureMail()

    await expectStatus(run(client, call.id, officer), 302)

    assert.deepEqual(
      await Promise.all(
        [first, low].map(async (application) => {
          await application.refresh()
          const decision = await decisionOf(application)
          return [
            application.state,
            decision.outcome,
            decision.amount_centimes,
            decision.published_at,
          ]
        })
      ),
      [
        ['in_review', 'awarded', 60_000_000, null],
        ['in_review', 'rejected', null, null],
      ]
    )
    assert.deepEqual(await budgetOf(call.id), {
      envelope: 100_000_000,
      committed: 0,
      awardedTotal: 0,
      ledgerNet: 0,
    })
    assert.lengthOf(
      mails.queued(() => true),
      0
    )
    const applicant = await User.findOrFail(first.applicantId)
    await expectStatus(client.get(`/applications/${first.id}/decision`).loginAs(applicant), 404)
    await expectStatus(
      client.get(`/applications/${first.id}/decision/letter`).loginAs(applicant),
      404
    )
    await expectStatus(
      client
        .post(`/applications/${first.id}/decision/response`)
        .form({ response: 'accepted' })
        .loginAs(applicant)
        .withCsrfToken(),
      404
    )
    const page = await client.get(`/applications/${first.id}`).loginAs(applicant)
    page.assertStatus(200)
    assert.notInclude(page.text(), `/applications/${first.id}/decision`)
  })

  test('publishing awards greedily by score within the envelope, reserves the rest in order, rejects below the threshold', async ({
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

    await expectStatus(run(client, call.id, officer), 302)
    const response = await publish(client, call.id, officer)
    response.assertStatus(302)
    response.assertHeader('location', `/staff/calls/${call.id}/ranking`)

    const outcomes = await Promise.all(
      [first, second, third, fourth, low].map(async (application) => {
        await application.refresh()
        const decision = await decisionOf(application)
        assert.isNotNull(decision.published_at)
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

  test('a preview can be run again as often as needed; a published decision is never decided again', async ({
    client,
    assert,
  }) => {
    const call = await callInReview({ envelopeCentimes: 100_000_000 })
    const first = await scoredApplication(call, { score: 90, amountMad: 600_000 })
    const second = await scoredApplication(call, { score: 80, amountMad: 600_000 })
    const officer = await userWithRoles('programme_officer')
    await expectStatus(run(client, call.id, officer), 302)
    assert.equal(await pick(decisionOf(first), 'outcome'), 'awarded')

    // The committee revises a score: the next run replaces the preview.
    await db.from('review_aggregates').where('application_id', second.id).update({
      normalized_score: 95,
      mean_score: 95,
    })
    for (let again = 0; again < 2; again++) {
      const rerun = await run(client, call.id, officer).accept('json')
      rerun.assertStatus(200)
      rerun.assertBodyContains({ awarded: 1, waitlisted: 1, rejected: 0 })
    }
    assert.equal(await pick(decisionOf(second), 'outcome'), 'awarded')
    assert.equal(await pick(decisionOf(first), 'outcome'), 'waitlisted')
    assert.equal(await countDecisions(call.id), 2)
    assert.equal(await pick(budgetOf(call.id), 'committed'), 0)

    await expectStatus(publish(client, call.id, officer), 302)
    const after = await run(client, call.id, officer).accept('json')
    after.assertBodyContains({ awarded: 0, waitlisted: 0, rejected: 0 })
    const twice = await publish(client, call.id, officer).accept('json')
    twice.assertStatus(409)
    assert.equal(await countDecisions(call.id), 2)
    assert.equal(await pick(budgetOf(call.id), 'committed'), 60_000_000)
  })

  test('a preview that no longer holds is not published: the officer runs it again', async ({
    client,
    assert,
  }) => {
    const call = await callInReview({ envelopeCentimes: 100_000_000 })
    const first = await scoredApplication(call, { score: 90, amountMad: 600_000 })
    const other = await scoredApplication(call, { score: 70, amountMad: 300_000 })
    const officer = await userWithRoles('programme_officer')
    await expectStatus(run(client, call.id, officer), 302)
    // Meanwhile a manual award takes most of the envelope.
    await expectStatus(
      client
        .post(`/staff/applications/${other.id}/decision`)
        .form({ outcome: 'awarded', amount: '500 000' })
        .loginAs(officer)
        .withCsrfToken()
        .redirects(0),
      302
    )
    const stale = await publish(client, call.id, officer).accept('json')
    stale.assertStatus(409)
    assert.include(stale.body().errors[0].message, 'Recalculez-les')
    await first.refresh()
    assert.equal(first.state, 'in_review')
    assert.equal(await pick(budgetOf(call.id), 'committed'), 50_000_000)
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
    await run(client, call.id, officer)
    assert.equal(await pick(decisionOf(lifted), 'outcome'), 'awarded')
    assert.equal(await pick(decisionOf(lowered), 'outcome'), 'rejected')
  })

  test('the ranking page shows the threshold, the envelope, the proposed outcomes, then the prepared decisions to publish', async ({
    client,
    assert,
  }) => {
    const call = await callInReview({ envelopeCentimes: 30_000_000 })
    const application = await scoredApplication(call, { score: 88, amountMad: 250_000 })
    await scoredApplication(call, { score: 80, amountMad: 250_000 })
    await scoredApplication(call, { score: 30, amountMad: 250_000 })
    const officer = await userWithRoles('programme_officer')
    const response = await client.get(`/staff/calls/${call.id}/ranking`).loginAs(officer)
    response.assertStatus(200)
    response.assertTextIncludes('Seuil d’attribution : 60 / 100.')
    response.assertTextIncludes(application.reference!)
    response.assertTextIncludes('Préparer les décisions')
    assert.notInclude(response.text(), 'Publier les décisions')

    await run(client, call.id, officer)
    const prepared = await client.get(`/staff/calls/${call.id}/ranking`).loginAs(officer)
    prepared.assertTextIncludes('Décisions préparées, non publiées')
    prepared.assertTextIncludes('Seuil d’attribution : en dessous, candidatures non retenues')
    prepared.assertTextIncludes('n° 1')
    prepared.assertTextIncludes(`action="/staff/calls/${call.id}/decision-publications"`)
    prepared.assertTextIncludes('Recalculer les décisions')
  })

  test('only programme officers see the ranking, run the award and publish it', async ({
    client,
    assert,
  }) => {
    const call = await callInReview()
    const application = await scoredApplication(call, { score: 90 })
    const officer = await userWithRoles('programme_officer')
    await expectStatus(run(client, call.id, officer), 302)
    const applicant = await User.findOrFail(application.applicantId)
    const others = await Promise.all(
      (['reviewer', 'applicant', 'finance_officer'] as const).map((role) => userWithRoles(role))
    )
    for (const user of [...others, applicant]) {
      await expectStatus(client.get(`/staff/calls/${call.id}/ranking`).loginAs(user), 403)
      await expectStatus(run(client, call.id, user), 403)
      await expectStatus(publish(client, call.id, user), 403)
    }
    for (const path of ['awards', 'decision-publications']) {
      const anonymous = await client
        .post(`/staff/calls/${call.id}/${path}`)
        .withCsrfToken()
        .redirects(0)
      anonymous.assertStatus(302)
      assert.include(anonymous.header('location'), '/login')
    }
    const anonymous = await client.get(`/staff/calls/${call.id}/ranking`).redirects(0)
    anonymous.assertStatus(302)
    assert.include(anonymous.header('location'), '/login')
    await expectStatus(publish(client, 999_999_999, officer), 404)
    const decision = await decisionOf(application)
    assert.isNull(decision.published_at, 'still the officer’s unpublished preview')
    await application.refresh()
    assert.equal(application.state, 'in_review')
  })
})
