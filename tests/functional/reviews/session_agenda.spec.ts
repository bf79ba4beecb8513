import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { userWithRoles } from '#database/factories/user_factory'
import { OrganizationFactory } from '#database/factories/organization_factory'
import { callInReview, committeeOf, scoredApplication } from '#database/factories/decision_factory'
import { rubricOf, scoresOf, submittedReview } from '#database/factories/scoring_factory'
import { isolateEachTest } from '#tests/helpers/http'
import { countQueries } from '#tests/helpers/queries'
import CommitteeSession from '#reviews/models/committee_session'
import type Application from '#applications/models/application'
import type Call from '#programmes/models/call'

/** A call with a rubric (TEST_CRITERIA), a committee (chair + 2) and a planned session. */
async function agendaFixture({ blind = false } = {}) {
  const call = await callInReview()
  call.blindReview = blind
  await call.save()
  await rubricOf(call, { awardThreshold: 70 })
  const committee = await committeeOf(call, 2)
  const session = await CommitteeSession.create({
    callId: call.id,
    heldAt: DateTime.utc(),
    quorum: 2,
    state: 'planned',
  })
  return { call, session, ...committee, officer: await userWithRoles('programme_officer') }
}

/** Puts applications on the session's agenda, in this order, each reviewed by the members. */
async function onAgenda(
  fixture: Awaited<ReturnType<typeof agendaFixture>>,
  applications: Application[]
) {
  for (const [index, application] of applications.entries()) {
    for (const [n, member] of fixture.members.entries()) {
      await submittedReview(application, member, scoresOf(3 + n, 2, `Avis ${index}-${n}`))
    }
    await db.table('session_items').insert({
      session_id: fixture.session.id,
      application_id: application.id,
      position: index + 1,
      reason: index === 0 ? 'disagreement' : 'borderline',
    })
  }
}

async function manyScored(call: Call, count: number) {
  const applications: Application[] = []
  for (let index = 0; index < count; index++) {
    applications.push(await scoredApplication(call, { score: 68 + index }))
  }
  return applications
}

test.group('Committee session agenda', (group) => {
  isolateEachTest(group)

  test('each item shows its title, mean, spread, normalized score, flag and the reviewers’ comments', async ({
    client,
    assert,
  }) => {
    const fixture = await agendaFixture()
    const flagged = await scoredApplication(fixture.call, {
      score: 41.25,
      mean: 43.5,
      disagreement: true,
    })
    await onAgenda(fixture, [flagged])
    const page = await client.get(`/staff/sessions/${fixture.session.id}`).loginAs(fixture.officer)
    page.assertStatus(200)
    const html = page.text()
    assert.include(html, flagged.title!)
    assert.include(html, flagged.reference!)
    assert.include(html, 'Moyenne')
    assert.include(html, '43,5')
    assert.include(html, 'Écart-type')
    assert.include(html, '20')
    assert.include(html, 'Score normalisé')
    assert.include(html, '41,25')
    assert.include(html, 'Désaccord des évaluateurs')
    // The comments per criterion, collapsed, with the criterion's label.
    assert.match(html, /<details[^>]*>\s*<summary[^>]*>[^<]*Avis des évaluateurs/)
    assert.include(html, 'Avis 0-0 (team)')
    assert.include(html, 'Avis 0-1 (market)')
    assert.include(html, 'Équipe')
  })

  test('the agenda costs the same number of queries for one item or five', async ({
    client,
    assert,
  }) => {
    const small = await agendaFixture()
    await onAgenda(small, await manyScored(small.call, 1))
    const large = await agendaFixture()
    await onAgenda(large, await manyScored(large.call, 5))
    const one = await countQueries(() =>
      client.get(`/staff/sessions/${small.session.id}`).loginAs(small.officer)
    )
    const five = await countQueries(() =>
      client.get(`/staff/sessions/${large.session.id}`).loginAs(large.officer)
    )
    one.result.assertStatus(200)
    five.result.assertStatus(200)
    assert.equal(five.queries.length, one.queries.length)
  })

  test('in a blind call, no title, name, email or organization reaches the committee', async ({
    client,
    assert,
  }) => {
    const fixture = await agendaFixture({ blind: true })
    const company = await OrganizationFactory.merge({
      name: 'Zellige Robotics SARL',
      rcNumber: 'RC-CASA-778899',
      ice: '001234567000089',
    }).create()
    const application = await scoredApplication(fixture.call, { score: 72 })
    application.merge({ title: 'Zellige Robotics', organizationId: company.id })
    await application.save()
    const applicant = await db.from('users').where('id', application.applicantId).firstOrFail()
    await onAgenda(fixture, [application])
    // A reviewer named the company in a comment.
    await db
      .from('reviews')
      .where({ application_id: application.id, reviewer_id: fixture.members[0].id })
      .update({
        scores: JSON.stringify(
          scoresOf(4, 3, 'Zellige Robotics a déjà levé des fonds auprès de ' + applicant.full_name)
        ),
      })

    for (const viewer of [fixture.chair, fixture.members[1], fixture.officer]) {
      const page = await client.get(`/staff/sessions/${fixture.session.id}`).loginAs(viewer)
      page.assertStatus(200)
      const html = page.text().toLowerCase()
      assert.include(html, application.reference!.toLowerCase())
      assert.include(html, 'déjà levé des fonds')
      for (const leak of [
        'zellige',
        'robotics',
        applicant.full_name.toLowerCase(),
        applicant.email.toLowerCase(),
        'rc-casa-778899',
        '001234567000089',
      ]) {
        assert.notInclude(html, leak, `the agenda leaks "${leak}"`)
      }
    }
  })

  test('someone outside the committee cannot open the agenda', async ({ client }) => {
    const fixture = await agendaFixture()
    await onAgenda(fixture, await manyScored(fixture.call, 1))
    const outsider = await userWithRoles('reviewer')
    const applicant = await userWithRoles('applicant')
    for (const user of [outsider, applicant]) {
      const page = await client.get(`/staff/sessions/${fixture.session.id}`).loginAs(user)
      page.assertStatus(404)
    }
  })
})

const RATIONALE = 'Le comité retient la solidité de l’équipe et la traction commerciale.'

/** The agenda form's fields as a browser sends them: `items[0][rationale]=…`. */
function agendaForm(items: Array<Record<string, string | number>>) {
  const form: Record<string, string | number> = {}
  items.forEach((item, index) => {
    for (const [key, value] of Object.entries(item)) form[`items[${index}][${key}]`] = value
  })
  return form
}

/** A session with a quorum present and `count` items on its agenda. */
async function sessionWithQuorum(count: number) {
  const fixture = await agendaFixture()
  await onAgenda(fixture, await manyScored(fixture.call, count))
  await db.table('session_attendances').multiInsert(
    [fixture.chair, ...fixture.members].map((member) => ({
      session_id: fixture.session.id,
      user_id: member.id,
      present: true,
    }))
  )
  const items = await db
    .from('session_items')
    .where('session_id', fixture.session.id)
    .orderBy('position')
    .select('id', 'application_id')
  return { ...fixture, items }
}

test.group('Committee session / the whole agenda in one form', (group) => {
  isolateEachTest(group)

  test('the chair records every item’s consensus at once, each audited; a blank item is skipped', async ({
    client,
    assert,
  }) => {
    const { session, items, chair } = await sessionWithQuorum(3)
    const page = await client.get(`/staff/sessions/${session.id}`).loginAs(chair)
    page.assertStatus(200)
    assert.include(page.text(), `name="items[2][rationale]"`)
    assert.include(page.text(), 'Score de consensus (0–100)')

    const response = await client
      .put(`/staff/sessions/${session.id}/consensus`)
      .form(
        agendaForm([
          { id: items[0].id, consensus_score: '81', recommendation: 'award', rationale: RATIONALE },
          { id: items[1].id, consensus_score: '', recommendation: '', rationale: '' },
          {
            id: items[2].id,
            consensus_score: '42.5',
            recommendation: 'reject',
            rationale: RATIONALE,
          },
        ])
      )
      .loginAs(chair)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    const saved = await db
      .from('session_items')
      .where('session_id', session.id)
      .orderBy('position')
      .select('consensus_score', 'recommendation', 'decided_at')
    assert.deepEqual(
      saved.map((row) => [row.consensus_score && Number(row.consensus_score), row.recommendation]),
      [
        [81, 'award'],
        [null, null],
        [42.5, 'reject'],
      ]
    )
    const audited = await db
      .from('audit_logs')
      .where({ action: 'committee_session.consensus', subject_id: session.id })
      .select('metadata')
    assert.sameMembers(
      audited.map((row) => row.metadata.applicationId),
      [items[0].application_id, items[2].application_id]
    )
  })

  test('an error on one item saves nothing and brings every value back, the error beside its item', async ({
    client,
    assert,
  }) => {
    const { session, items, officer } = await sessionWithQuorum(2)
    const response = await client
      .put(`/staff/sessions/${session.id}/consensus`)
      .header('Referer', `/staff/sessions/${session.id}`)
      .form(
        agendaForm([
          { id: items[0].id, consensus_score: '81', recommendation: 'award', rationale: RATIONALE },
          { id: items[1].id, consensus_score: '64', recommendation: 'reserve', rationale: 'court' },
        ])
      )
      .loginAs(officer)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    assert.deepEqual(Object.keys(response.flashMessages().inputErrorsBag), ['items.1.rationale'])
    const recorded = await db
      .from('session_items')
      .where('session_id', session.id)
      .whereNotNull('decided_at')
    assert.lengthOf(recorded, 0, 'nothing is half-written')

    const back = await client
      .get(`/staff/sessions/${session.id}`)
      .withFlashMessages(response.flashMessages())
      .loginAs(officer)
    const html = back.text()
    assert.include(html, RATIONALE)
    assert.include(html, 'value="64"')
    assert.match(html, /<option value="reserve"\s+selected/)
    assert.include(html, 'La justification doit contenir au moins 10 caractères.')
  })

  test('without the quorum nothing is recorded; JSON errors name the item’s field', async ({
    client,
    assert,
  }) => {
    const { session, items, officer } = await sessionWithQuorum(1)
    const invalid = await client
      .put(`/staff/sessions/${session.id}/consensus`)
      .json({ items: [{ id: items[0].id, consensus_score: 140, recommendation: 'award' }] })
      .loginAs(officer)
      .withCsrfToken()
      .accept('json')
    invalid.assertStatus(422)
    invalid.assertBodyContains({
      errors: [{ field: 'items.0.consensus_score' }, { field: 'items.0.rationale' }],
    })

    await db.from('session_attendances').where('session_id', session.id).update({ present: false })
    const refused = await client
      .put(`/staff/sessions/${session.id}/consensus`)
      .json({
        items: [
          { id: items[0].id, consensus_score: 70, recommendation: 'award', rationale: RATIONALE },
        ],
      })
      .loginAs(officer)
      .withCsrfToken()
      .accept('json')
    refused.assertStatus(409)
    assert.lengthOf(
      await db.from('session_items').where('session_id', session.id).whereNotNull('decided_at'),
      0
    )
  })

  test('a member who is not the chair, or an item of another session, is refused', async ({
    client,
  }) => {
    const { session, items, members } = await sessionWithQuorum(1)
    const other = await sessionWithQuorum(1)
    const body = (id: number) => ({
      items: [{ id, consensus_score: 70, recommendation: 'award', rationale: RATIONALE }],
    })
    const member = await client
      .put(`/staff/sessions/${session.id}/consensus`)
      .json(body(items[0].id))
      .loginAs(members[0])
      .withCsrfToken()
      .accept('json')
    member.assertStatus(403)
    const foreign = await client
      .put(`/staff/sessions/${session.id}/consensus`)
      .json(body(other.items[0].id))
      .loginAs(other.officer)
      .withCsrfToken()
      .accept('json')
    foreign.assertStatus(404)
    const outsider = await client
      .put(`/staff/sessions/${session.id}/consensus`)
      .json(body(items[0].id))
      .loginAs(await userWithRoles('applicant'))
      .withCsrfToken()
      .accept('json')
    outsider.assertStatus(404)
  })
})
