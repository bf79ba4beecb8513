import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import ApplicationDocument from '#applications/models/application_document'
import { openCallOf } from '#database/factories/programme_factory'
import { OrganizationFactory } from '#database/factories/organization_factory'
import { userWithRoles } from '#database/factories/user_factory'
import { recordAudit } from '#core/audit/audit_trail'
import { isolateEachTest } from '#tests/helpers/http'
import { countQueries } from '#tests/helpers/queries'
import { STAFF_FORM, draftTo, submittedTo } from '#tests/functional/applications/staff_fixtures'
import type { ApiClient } from '@japa/api-client'
import type User from '#identity/models/user'

/** A staff page's HTML, as `user` sees it (200 expected). */
async function htmlOf(client: ApiClient, url: string, user: User) {
  const response = await client.get(url).loginAs(user)
  response.assertStatus(200)
  return response.text()
}

/** The references listed in the page's table, in order. */
function listedReferences(html: string) {
  return [...html.matchAll(/href="\/staff\/applications\/\d+"[^>]*>(SM-\d{4}-\d{6})</g)].map(
    (match) => match[1]
  )
}

test.group('Staff / a call’s applications', (group) => {
  isolateEachTest(group)

  test('an officer sees the submitted applications of the call, not drafts nor other calls', async ({
    client,
    assert,
  }) => {
    const call = await openCallOf('living_grant')
    const other = await openCallOf('living_grant')
    const first = await submittedTo(call, { title: 'Amina Berrada' })
    const second = await submittedTo(call, { title: 'Youssef Alami', state: 'eligible' })
    await draftTo(call, 'Brouillon Caché')
    const elsewhere = await submittedTo(other)
    const officer = await userWithRoles('programme_officer')

    const response = await client.get(`/staff/calls/${call.id}/applications`).loginAs(officer)
    response.assertStatus(200)
    const html = response.text()
    assert.sameMembers(listedReferences(html), [first.reference!, second.reference!])
    assert.include(html, 'Amina Berrada')
    assert.include(html, '<span class="badge green">Éligible</span>')
    assert.notInclude(html, 'Brouillon Caché')
    assert.notInclude(html, elsewhere.reference!)
    // The programme kind comes with the call.
    assert.include(html, 'Bourse de vie')
  })

  test('the include-drafts toggle also lists drafts, without a link', async ({
    client,
    assert,
  }) => {
    const call = await openCallOf()
    await submittedTo(call)
    await draftTo(call, 'Brouillon Visible')
    const officer = await userWithRoles('programme_officer')
    const html = await htmlOf(client, `/staff/calls/${call.id}/applications?drafts=1`, officer)
    assert.include(html, 'Brouillon Visible')
    assert.lengthOf(listedReferences(html), 1)
  })

  test('filters by state and by region', async ({ client, assert }) => {
    const call = await openCallOf()
    const eligible = await submittedTo(call, { state: 'eligible', region: 'oriental' })
    const ineligible = await submittedTo(call, { state: 'ineligible', region: 'oriental' })
    const elsewhere = await submittedTo(call, { state: 'eligible', region: 'fes_meknes' })
    const officer = await userWithRoles('programme_officer')
    const list = async (qs: string) =>
      listedReferences(await htmlOf(client, `/staff/calls/${call.id}/applications?${qs}`, officer))

    assert.sameMembers(await list('state=eligible'), [eligible.reference!, elsewhere.reference!])
    assert.sameMembers(await list('region=oriental'), [eligible.reference!, ineligible.reference!])
    assert.sameMembers(await list('state=eligible&region=oriental&q=&page=1'), [
      eligible.reference!,
    ])
  })

  test('text search finds names by word prefix, in any script, and references by a partial number', async ({
    client,
    assert,
  }) => {
    const call = await openCallOf()
    const argan = await submittedTo(call, { title: 'Argan Intelligence SARL' })
    const arabic = await submittedTo(call, { title: 'جمعية الأركان للتنمية' })
    const other = await submittedTo(call, { title: 'Atlas Fintech' })
    const officer = await userWithRoles('programme_officer')
    const search = async (q: string) =>
      listedReferences(
        await htmlOf(
          client,
          `/staff/calls/${call.id}/applications?q=${encodeURIComponent(q)}`,
          officer
        )
      )

    assert.deepEqual(await search('argan intel'), [argan.reference!])
    assert.deepEqual(await search('الأركان'), [arabic.reference!])
    assert.deepEqual(await search(other.reference!.slice(-4)), [other.reference!])
    assert.deepEqual(await search(other.reference!), [other.reference!])
    assert.deepEqual(await search('nobody'), [])
    assert.deepEqual(await search('%'), [])
  })

  test('counts per state are shown above the list, under the other filters', async ({
    client,
    assert,
  }) => {
    const call = await openCallOf()
    await submittedTo(call, { state: 'eligible' })
    await submittedTo(call, { state: 'eligible' })
    await submittedTo(call, { state: 'rejected' })
    await submittedTo(call, { state: 'rejected', region: 'oriental' })
    await draftTo(call, 'Brouillon')
    const officer = await userWithRoles('programme_officer')

    const html = await htmlOf(
      client,
      `/staff/calls/${call.id}/applications?state=eligible&region=souss_massa`,
      officer
    )
    const bars = [
      ...html.matchAll(/>([^<>]+)<\/a>\s*<meter min="0" max="(\d+)" value="(\d+)"/g),
    ].map((match) => [match[1].trim(), Number(match[3])])
    assert.deepEqual(bars, [
      ['Éligible', 2],
      ['Non retenue', 1],
    ])
    assert.include(html, '3 candidatures')
  })

  test('the list is paginated by 25 and the page links keep the filters', async ({
    client,
    assert,
  }) => {
    const call = await openCallOf()
    for (let i = 0; i < 27; i++) {
      await submittedTo(call, { submittedAt: DateTime.utc().minus({ minutes: i }) })
    }
    const officer = await userWithRoles('programme_officer')
    const first = await htmlOf(
      client,
      `/staff/calls/${call.id}/applications?region=souss_massa`,
      officer
    )
    assert.lengthOf(listedReferences(first), 25)
    assert.match(first, /href="[^"]*\?region=souss_massa&amp;page=2"/)
    const second = await htmlOf(
      client,
      `/staff/calls/${call.id}/applications?region=souss_massa&page=2`,
      officer
    )
    assert.lengthOf(listedReferences(second), 2)
    assert.isEmpty(listedReferences(first).filter((ref) => listedReferences(second).includes(ref)))
  })

  test('the list issues the same number of queries for 1 or 30 applications', async ({
    client,
    assert,
  }) => {
    const officer = await userWithRoles('programme_officer')
    const small = await openCallOf()
    await submittedTo(small, { title: 'Atlas Agritech' })
    const large = await openCallOf()
    for (let i = 0; i < 30; i++) {
      await submittedTo(large, { title: `Atlas ${i}`, state: i % 2 ? 'eligible' : 'submitted' })
    }

    const one = await countQueries(() =>
      client.get(`/staff/calls/${small.id}/applications?q=a`).loginAs(officer)
    )
    const thirty = await countQueries(() =>
      client.get(`/staff/calls/${large.id}/applications?q=a`).loginAs(officer)
    )
    one.result.assertStatus(200)
    thirty.result.assertStatus(200)
    assert.equal(thirty.queries.length, one.queries.length)
    assert.isAtMost(thirty.queries.length, 8)
  })

  test('an unknown filter value is refused without an error page', async ({ client, assert }) => {
    const call = await openCallOf()
    const officer = await userWithRoles('programme_officer')
    const response = await client
      .get(`/staff/calls/${call.id}/applications?state=hacked&region=atlantis`)
      .loginAs(officer)
      .redirects(0)
    assert.notEqual(response.status(), 500)
    assert.notEqual(response.status(), 200)
  })
})

test.group('Staff / one application', (group) => {
  isolateEachTest(group)

  test('an officer reads the applicant, organization, answers, documents and history', async ({
    client,
    assert,
  }) => {
    const call = await openCallOf('startup_offer', STAFF_FORM)
    const company = await OrganizationFactory.merge({ name: 'Argan Labs' }).create()
    const application = await submittedTo(call, {
      fullName: 'Salma Idrissi',
      email: 'salma@example.ma',
      title: 'Argan Labs',
      organizationId: company.id,
      answers: {
        project: { name: 'Huile connectée', amount: 25_000_050, sector: 'agritech', deck: 1 },
      },
    })
    const deck = await ApplicationDocument.create({
      applicationId: application.id,
      fieldPath: 'project.deck',
      originalName: 'pitch-argan.pdf',
      mimeType: 'application/pdf',
      sizeBytes: 2048,
      sha256: 'a'.repeat(64),
      storageKey: `applications/test/${application.id}-deck.pdf`,
      uploadedBy: application.applicantId,
    })
    await recordAudit({
      actor: { id: application.applicantId },
      action: 'application.transition',
      subjectType: 'application',
      subjectId: application.id,
      fromState: 'draft',
      toState: 'submitted',
    })
    const officer = await userWithRoles('programme_officer')

    const response = await client.get(`/staff/applications/${application.id}`).loginAs(officer)
    response.assertStatus(200)
    const html = response.text()
    for (const expected of [
      application.reference!,
      'Salma Idrissi',
      'salma@example.ma',
      'Argan Labs',
      'Huile connectée',
      'Agritech',
      'pitch-argan.pdf',
      `href="/documents/${deck.id}"`,
      'Présentation',
      'Brouillon → Déposée',
      '<span class="badge blue">Déposée</span>',
      `href="/staff/calls/${call.id}"`,
    ]) {
      assert.include(html, expected)
    }
  })

  test('a draft is not found by officers', async ({ client }) => {
    const call = await openCallOf()
    const draft = await draftTo(call, 'Pas encore déposé')
    const officer = await userWithRoles('programme_officer')
    const response = await client.get(`/staff/applications/${draft.id}`).loginAs(officer)
    response.assertStatus(404)
  })

  test('unknown calls and applications are 404 on every staff route', async ({ client }) => {
    const officer = await userWithRoles('programme_officer')
    const missing = 2_000_000_000
    for (const url of [
      `/staff/calls/${missing}/applications`,
      `/staff/calls/${missing}/applications.csv`,
      `/staff/applications/${missing}`,
    ]) {
      const response = await client.get(url).loginAs(officer)
      response.assertStatus(404)
    }
  })
})

test.group('Staff / access to applications', (group) => {
  isolateEachTest(group)

  test('applicants, reviewers and fund managers are refused on every staff route', async ({
    client,
    assert,
  }) => {
    const call = await openCallOf()
    const application = await submittedTo(call)
    for (const role of ['applicant', 'reviewer', 'fund_manager', 'finance_officer'] as const) {
      const person = await userWithRoles(role)
      for (const url of [
        `/staff/calls/${call.id}/applications`,
        `/staff/calls/${call.id}/applications.csv`,
        `/staff/applications/${application.id}`,
      ]) {
        const response = await client.get(url).loginAs(person)
        assert.equal(response.status(), 403, `${role} on ${url}`)
      }
    }
  })

  test('even its own applicant is refused the staff view of an application', async ({ client }) => {
    const call = await openCallOf()
    const application = await submittedTo(call)
    const applicant = await application.related('applicant').query().firstOrFail()
    const response = await client.get(`/staff/applications/${application.id}`).loginAs(applicant)
    response.assertStatus(403)
  })

  test('signed-out visitors are sent to log in', async ({ client }) => {
    const call = await openCallOf()
    const application = await submittedTo(call)
    for (const url of [
      `/staff/calls/${call.id}/applications`,
      `/staff/calls/${call.id}/applications.csv`,
      `/staff/applications/${application.id}`,
    ]) {
      const response = await client.get(url).redirects(0)
      response.assertStatus(302)
      response.assertHeader('location', '/login')
    }
  })
})
