import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { userWithRoles } from '#database/factories/user_factory'
import { openCallOf } from '#database/factories/programme_factory'
import { committeeOf, scoredApplication } from '#database/factories/decision_factory'
import { assignedReview } from '#database/factories/scoring_factory'
import { isolateEachTest } from '#tests/helpers/http'
import { countQueries } from '#tests/helpers/queries'
import CommitteeSession from '#reviews/models/committee_session'
import type Call from '#programmes/models/call'

/** On `call`: `n` of each kind of waiting work, and as much that waits for nobody. */
async function workOn(call: Call, n: number) {
  const reviewer = await userWithRoles('reviewer')
  for (let index = 0; index < n; index++) {
    await scoredApplication(call, { score: 50, state: 'screening' })
    await scoredApplication(call, { score: 50, state: 'eligible' })
    await scoredApplication(call, { score: 50, state: 'appealed' })
    const late = await assignedReview(
      await scoredApplication(call, { score: 50, state: 'in_review' }),
      reviewer
    )
    late.dueAt = DateTime.utc().minus({ days: 2 })
    await late.save()
    // Not waiting: assigned (not late), or decided.
    await assignedReview(await scoredApplication(call, { score: 50, state: 'eligible' }), reviewer)
    await scoredApplication(call, { score: 50, state: 'rejected' })
  }
}

test.group('Officer dashboard', (group) => {
  isolateEachTest(group)

  test('open calls link to their staff pages; worklists count and link the waiting work', async ({
    client,
    assert,
  }) => {
    const call = await openCallOf()
    await workOn(call, 2)
    const officer = await userWithRoles('programme_officer')
    const page = await client.get('/dashboard').loginAs(officer)
    page.assertStatus(200)
    const html = page.text()
    assert.include(html, `href="/staff/calls/${call.id}"`)
    assert.include(html, 'Candidatures à examiner')
    const link = (href: string, text: string) =>
      assert.match(html, new RegExp(`href="${href.replace('?', '\\?')}">\\s*${text}`), text)
    link(`/staff/calls/${call.id}/applications`, '2 candidatures — ')
    link(`/staff/calls/${call.id}/assignments`, '2 candidatures éligibles sans évaluateur')
    link(`/staff/calls/${call.id}/assignments`, '2 évaluations en retard')
    link(`/staff/calls/${call.id}/applications?state=appealed`, '2 recours')
  })

  test('empty worklists say so', async ({ client }) => {
    const page = await client.get('/dashboard').loginAs(await userWithRoles('programme_officer'))
    page.assertStatus(200)
    page.assertTextIncludes('Aucune candidature en attente d’examen.')
    page.assertTextIncludes('Toutes les candidatures éligibles ont leurs évaluateurs.')
    page.assertTextIncludes('Aucune évaluation en retard.')
    page.assertTextIncludes('Aucun recours en attente de décision.')
  })

  test('the dashboard costs the same number of queries whatever the data size', async ({
    client,
    assert,
  }) => {
    const officer = await userWithRoles('programme_officer', 'reviewer')
    const empty = await countQueries(() => client.get('/dashboard').loginAs(officer))
    for (let index = 0; index < 3; index++) await workOn(await openCallOf(), 2)
    const full = await countQueries(() => client.get('/dashboard').loginAs(officer))
    full.result.assertStatus(200)
    assert.equal(full.queries.length, empty.queries.length)
  })

  test('people who are not officers see no worklist and public call links', async ({
    client,
    assert,
  }) => {
    const call = await openCallOf()
    await workOn(call, 1)
    for (const user of [await userWithRoles('applicant'), await userWithRoles('reviewer')]) {
      const page = await client.get('/dashboard').loginAs(user)
      page.assertStatus(200)
      assert.notInclude(page.text(), 'Candidatures à examiner')
      assert.notInclude(page.text(), `/staff/calls/${call.id}`)
      assert.include(page.text(), `href="/calls/${call.id}"`)
    }
  })
})

test.group('The chair’s sessions', (group) => {
  isolateEachTest(group)

  async function chairedSession() {
    const call = await openCallOf()
    const { chair, members } = await committeeOf(call, 1)
    const session = await CommitteeSession.create({
      callId: call.id,
      heldAt: DateTime.utc(),
      quorum: 1,
      state: 'planned',
    })
    const application = await scoredApplication(call, { score: 70 })
    const [item] = await db
      .table('session_items')
      .insert({
        session_id: session.id,
        application_id: application.id,
        position: 1,
        reason: 'borderline',
      })
      .returning('id')
    return { call, chair, member: members[0], session, itemId: item.id as number }
  }

  test('the chair’s dashboard and queue link to their sessions, “minutes to sign” once all is decided', async ({
    client,
    assert,
  }) => {
    const { chair, session, itemId } = await chairedSession()
    for (const url of ['/dashboard', '/reviews']) {
      const page = await client.get(url).loginAs(chair)
      page.assertStatus(200)
      assert.include(page.text(), `href="/staff/sessions/${session.id}"`, url)
      assert.include(page.text(), 'Sessions que vous présidez', url)
      assert.notInclude(page.text(), 'Procès-verbal à signer', url)
    }
    await db.from('session_items').where('id', itemId).update({
      consensus_score: 70,
      recommendation: 'award',
      rationale: 'Consensus atteint après discussion.',
      decided_at: new Date(),
    })
    for (const url of ['/dashboard', '/reviews']) {
      const page = await client.get(url).loginAs(chair)
      assert.include(page.text(), 'Procès-verbal à signer', url)
    }
    await db
      .from('committee_sessions')
      .where('id', session.id)
      .update({ state: 'closed', signed_at: new Date() })
    const after = await client.get('/dashboard').loginAs(chair)
    assert.notInclude(after.text(), `href="/staff/sessions/${session.id}"`)
  })

  test('a member who does not chair sees no chaired session', async ({ client, assert }) => {
    const { member, session } = await chairedSession()
    for (const url of ['/dashboard', '/reviews']) {
      const page = await client.get(url).loginAs(member)
      page.assertStatus(200)
      assert.notInclude(page.text(), `href="/staff/sessions/${session.id}"`, url)
    }
  })

  test('session pages have their labels translated and capitalised, in French and Arabic', async ({
    client,
    assert,
  }) => {
    const { chair, member, session } = await chairedSession()
    await db.table('session_attendances').multiInsert([
      { session_id: session.id, user_id: chair.id, present: true },
      { session_id: session.id, user_id: member.id, present: false },
    ])
    const french = await client.get(`/staff/sessions/${session.id}`).loginAs(member)
    french.assertStatus(200)
    assert.include(french.text(), 'Président')
    assert.include(french.text(), 'Membre')
    assert.include(french.text(), 'Absent')
    assert.notMatch(french.text(), /—\s*(membre|président|absent|présent)\b/)
    for (const [locale, url] of [
      ['fr', '/dashboard'],
      ['ar', '/dashboard'],
      ['ar', `/staff/sessions/${session.id}`],
      ['ar', '/reviews'],
    ]) {
      const page = await client.get(url).withCookie('locale', locale).loginAs(chair)
      page.assertStatus(200)
      assert.notMatch(page.text(), /(committee_sessions|dashboard|review_queue)\.[a-z_]+/, url)
      if (locale === 'ar') assert.include(page.text(), 'dir="rtl"')
    }
  })
})
