import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import drive from '@adonisjs/drive/services/main'
import { createHash } from 'node:crypto'
import { DateTime } from 'luxon'
import { fromCasablancaInput } from '#core/casablanca_time'
import { userWithRoles } from '#database/factories/user_factory'
import { callInReview, committeeOf, scoredApplication } from '#database/factories/decision_factory'
import { isolateEachTest } from '#tests/helpers/http'
import CommitteeSession from '#reviews/models/committee_session'
import { minutesKey } from '#reviews/actions/sign_minutes'
import type { ApiClient } from '@japa/api-client'
import type User from '#identity/models/user'
import { expectStatus } from '#tests/functional/reviews/decision_fixtures'

const RATIONALE = 'Le comité retient la solidité de l’équipe et la traction commerciale.'

/** A call with a committee (chair + 2), and applications of every agenda kind. */
async function sessionFixture() {
  const call = await callInReview({ threshold: 70 })
  const committee = await committeeOf(call, 2)
  const flagged = await scoredApplication(call, { score: 40, disagreement: true })
  const borderline = await scoredApplication(call, { score: 73 })
  const clear = await scoredApplication(call, { score: 95 })
  const officer = await userWithRoles('programme_officer')
  return { call, ...committee, flagged, borderline, clear, officer }
}

function plan(client: ApiClient, callId: number, user: User, form: Record<string, unknown>) {
  return client
    .post(`/staff/calls/${callId}/sessions`)
    .form(form)
    .loginAs(user)
    .withCsrfToken()
    .redirects(0)
}

async function plannedSession() {
  const fixture = await sessionFixture()
  const session = await CommitteeSession.create({
    callId: fixture.call.id,
    heldAt: DateTime.utc(),
    quorum: 2,
    state: 'planned',
  })
  const [item] = await db
    .table('session_items')
    .insert({
      session_id: session.id,
      application_id: fixture.borderline.id,
      position: 1,
      reason: 'borderline',
    })
    .returning('id')
  return { ...fixture, session, itemId: item.id as number }
}

test.group('Committee sessions / agenda, quorum, minutes', (group) => {
  isolateEachTest(group)

  test('planning a session draws the agenda: disagreements, then borderline scores', async ({
    client,
    assert,
  }) => {
    const { call, officer, flagged, borderline } = await sessionFixture()
    const response = await plan(client, call.id, officer, {
      held_at: '2026-12-02T10:00',
      quorum: 2,
    })
    response.assertStatus(302)
    const session = await CommitteeSession.findByOrFail('call_id', call.id)
    assert.equal(session.heldAt.toMillis(), fromCasablancaInput('2026-12-02T10:00')!.toMillis())
    const items = await db
      .from('session_items')
      .where('session_id', session.id)
      .orderBy('position')
      .select('application_id', 'reason')
    assert.deepEqual(items, [
      { application_id: flagged.id, reason: 'disagreement' },
      { application_id: borderline.id, reason: 'borderline' },
    ])
  })

  test('a session without a quorum is refused, with the field errors', async ({ client }) => {
    const { call, officer } = await sessionFixture()
    const response = await plan(client, call.id, officer, { held_at: 'demain' }).accept('json')
    response.assertStatus(422)
    response.assertBodyContains({
      errors: [
        { field: 'held_at' },
        { field: 'quorum', message: 'Le champ quorum est obligatoire.' },
      ],
    })
  })

  test('no consensus without the quorum; with it, score, recommendation and rationale are kept', async ({
    client,
    assert,
  }) => {
    const { session, itemId, officer, chair, members } = await plannedSession()
    const consensus = () =>
      client
        .put(`/staff/sessions/${session.id}/items/${itemId}`)
        .form({ consensus_score: '76.5', recommendation: 'award', rationale: RATIONALE })
        .loginAs(officer)
        .withCsrfToken()
        .accept('json')

    await client
      .post(`/staff/sessions/${session.id}/attendance`)
      .form({ present: [chair.id] })
      .loginAs(officer)
      .withCsrfToken()
    const refused = await consensus()
    refused.assertStatus(409)
    refused.assertBodyContains({
      errors: [{ message: 'Le quorum (2 présents) n’est pas atteint.' }],
    })

    await client
      .post(`/staff/sessions/${session.id}/attendance`)
      .form({ present: [chair.id, members[0].id] })
      .loginAs(officer)
      .withCsrfToken()
    await expectStatus(consensus(), 200)
    const item = await db.from('session_items').where('id', itemId).firstOrFail()
    assert.equal(Number(item.consensus_score), 76.5)
    assert.equal(item.recommendation, 'award')
    assert.equal(item.rationale, RATIONALE)

    const withoutRationale = await client
      .put(`/staff/sessions/${session.id}/items/${itemId}`)
      .form({ consensus_score: '50', recommendation: 'reject' })
      .loginAs(officer)
      .withCsrfToken()
      .accept('json')
    withoutRationale.assertStatus(422)
    withoutRationale.assertBodyContains({
      errors: [{ field: 'rationale', message: 'La justification est obligatoire.' }],
    })
  })

  test('only the chair signs; signing stores the minutes, their sha256, and freezes the session', async ({
    client,
    assert,
  }) => {
    const { session, itemId, officer, chair, members } = await plannedSession()
    await client
      .post(`/staff/sessions/${session.id}/attendance`)
      .form({ present: [chair.id, members[0].id, members[1].id] })
      .loginAs(officer)
      .withCsrfToken()

    for (const user of [officer, members[0]]) {
      const denied = await client
        .post(`/staff/sessions/${session.id}/minutes`)
        .loginAs(user)
        .withCsrfToken()
      denied.assertStatus(403)
    }
    const signed = await client
      .post(`/staff/sessions/${session.id}/minutes`)
      .loginAs(chair)
      .withCsrfToken()
      .redirects(0)
    signed.assertStatus(302)
    await session.refresh()
    assert.equal(session.state, 'closed')
    assert.equal(session.signedBy, chair.id)
    const pdf = await drive.use().getBytes(minutesKey(session.id))
    const stored = await db.from('committee_sessions').where('id', session.id).firstOrFail()
    assert.equal(stored.minutes_sha256, createHash('sha256').update(pdf).digest('hex'))
    assert.equal(Buffer.from(pdf).subarray(0, 5).toString(), '%PDF-')

    const download = await client.get(`/staff/sessions/${session.id}/minutes`).loginAs(members[1])
    download.assertStatus(200)
    download.assertHeader('content-type', 'application/pdf')

    const late = await client
      .put(`/staff/sessions/${session.id}/items/${itemId}`)
      .form({ consensus_score: '10', recommendation: 'reject', rationale: RATIONALE })
      .loginAs(chair)
      .withCsrfToken()
      .accept('json')
    late.assertStatus(409)
    const again = await client
      .post(`/staff/sessions/${session.id}/attendance`)
      .form({ present: [] })
      .loginAs(officer)
      .withCsrfToken()
      .accept('json')
    again.assertStatus(409)
  })

  test('the session page shows the agenda and the sign button to the chair only', async ({
    client,
  }) => {
    const { session, chair, members, borderline } = await plannedSession()
    const page = await client.get(`/staff/sessions/${session.id}`).loginAs(chair)
    page.assertStatus(200)
    page.assertTextIncludes(borderline.reference!)
    page.assertTextIncludes('Signer le procès-verbal')
    const member = await client.get(`/staff/sessions/${session.id}`).loginAs(members[0])
    member.assertStatus(200)
  })

  test('people outside the committee and non-officers cannot see or plan sessions', async ({
    client,
    assert,
  }) => {
    const { session, call } = await plannedSession()
    const outsider = await userWithRoles('reviewer')
    await expectStatus(client.get(`/staff/sessions/${session.id}`).loginAs(outsider), 404)
    await expectStatus(client.get(`/staff/calls/${call.id}/sessions`).loginAs(outsider), 403)
    await expectStatus(
      plan(client, call.id, outsider, { held_at: '2026-12-02T10:00', quorum: 1 }),
      403
    )
    await expectStatus(
      client
        .post(`/staff/sessions/${session.id}/attendance`)
        .form({ present: [] })
        .loginAs(outsider)
        .withCsrfToken(),
      404
    )
    const anonymous = await client.get(`/staff/sessions/${session.id}`).redirects(0)
    assert.include(anonymous.header('location'), '/login')
  })
})

test.group('Committee sessions / the officer’s list', (group) => {
  isolateEachTest(group)

  test('lists the call’s sessions with their number of agenda items', async ({ client }) => {
    const { call, officer } = await plannedSession()
    const page = await client.get(`/staff/calls/${call.id}/sessions`).loginAs(officer)
    page.assertStatus(200)
    page.assertTextIncludes('Planifier la session')
    page.assertTextIncludes('<td>1</td>')
  })
})
