import { test } from '@japa/runner'
import type { ApiResponse } from '@japa/api-client'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import {
  CallFactory,
  FormVersionFactory,
  MINIMAL_FORM,
  ProgrammeFactory,
  openCallOf,
} from '#database/factories/programme_factory'
import { OrganizationFactory } from '#database/factories/organization_factory'
import { UserFactory, userWithRoles } from '#database/factories/user_factory'
import type Organization from '#identity/models/organization'
import type User from '#identity/models/user'
import type { FormDefinition } from '#programmes/forms/form_definition'
import { OPEN_CALLS_SQL, listOpenCalls, openCallsQuery } from '#programmes/open_calls'
import { isolateEachTest } from '#tests/helpers/http'
import { countQueries } from '#tests/helpers/queries'

async function openCallTitled(
  title: string,
  kind: 'startup_offer' | 'living_grant' | 'vc_call' = 'startup_offer',
  programme: Record<string, unknown> = {}
) {
  const call = await openCallOf(kind)
  if (Object.keys(programme).length) {
    call.programme.merge(programme)
    await call.programme.save()
  }
  call.title = { fr: title }
  await call.save()
  return call
}

/** A call of a fresh startup_offer programme, with its own state and window. */
async function callWith(title: string, attributes: Record<string, unknown>) {
  const programme = await ProgrammeFactory.create()
  return CallFactory.merge({ programmeId: programme.id, title: { fr: title }, ...attributes })
    .with('formVersions', 1)
    .create()
}

async function memberOf(user: User, organization: Organization) {
  await db.table('organization_members').insert({
    organization_id: organization.id,
    user_id: user.id,
    role: 'member',
    created_at: new Date(),
  })
}

/** The HTML of a page (the request is sent when awaited). */
async function htmlOf(request: PromiseLike<ApiResponse>) {
  const response = await request
  return response.text()
}

async function assertNotFound(request: PromiseLike<ApiResponse>) {
  const response = await request
  response.assertStatus(404)
}

/** The organizationId choices the call page's apply form offers. */
function applyChoices(html: string) {
  return [...html.matchAll(/name="organizationId" value="([^"]*)"/g)].map((match) => match[1])
}

test.group('Public catalogue of open calls', (group) => {
  isolateEachTest(group)

  test('anyone sees the open calls as cards, without signing in', async ({ client, assert }) => {
    const call = await openCallTitled('Amorçage Souss 2026')
    const response = await client.get('/calls')
    response.assertStatus(200)
    const html = response.text()
    assert.include(html, 'Amorçage Souss 2026')
    assert.include(html, `href="/calls/${call.id}"`)
    assert.include(html, 'Offre Startup Maroc') // kind badge
    assert.include(html, 'Amorçage') // stage badge of the factory programme (early)
    assert.match(html, /10\.000\.000,00\sMAD/u) // the envelope, formatted (1e9 centimes)
    assert.include(html, 'Clôture dans 29 jours')
    assert.match(html, /\d+ appels? ouverts?/)
  })

  test("the title is in the reader's language, French when it has none", async ({
    client,
    assert,
  }) => {
    const call = await openCallOf()
    call.title = { fr: 'Appel en français', ar: 'دعوة بالعربية' }
    await call.save()
    const other = await openCallTitled('Seulement en français')

    const arabic = await client.get('/calls').header('Accept-Language', 'ar')
    assert.include(arabic.text(), 'dir="rtl"')
    assert.include(arabic.text(), 'دعوة بالعربية')
    assert.notInclude(arabic.text(), 'Appel en français')
    assert.include(arabic.text(), 'Seulement en français')
    assert.include(arabic.text(), `/calls/${other.id}`)
  })

  test('the time left counts down in hours on the last day', async ({ client, assert }) => {
    await callWith('Dernières heures', {
      closesAt: DateTime.utc().plus({ hours: 5, minutes: 30 }),
    })
    const response = await client.get('/calls')
    assert.include(response.text(), 'Clôture dans 5 heures')
    const english = await client.get('/calls').header('Accept-Language', 'en')
    assert.include(english.text(), 'Closes in 5 hours')
  })

  test('filtering by programme kind lists only calls of that kind', async ({ client, assert }) => {
    await openCallTitled('Offre amorçage', 'startup_offer')
    await openCallTitled('Bourse de vie 2026', 'living_grant')
    await openCallTitled('Appel VC 2026', 'vc_call')

    const response = await client.get('/calls').qs({ kind: 'living_grant' })
    response.assertStatus(200)
    const html = response.text()
    assert.include(html, 'Bourse de vie 2026')
    assert.notInclude(html, 'Offre amorçage')
    assert.notInclude(html, 'Appel VC 2026')
    assert.include(html, '1 appel ouvert')
    assert.match(html, /<option value="living_grant" selected>/)
  })

  test('filtering by startup stage lists only Startup Maroc offers at that stage', async ({
    client,
    assert,
  }) => {
    await openCallTitled('Offre croissance', 'startup_offer', { stage: 'growth' })
    await openCallTitled('Offre idéation', 'startup_offer', { stage: 'ideation' })
    await openCallTitled('Bourse sans stade', 'living_grant')

    const html = await htmlOf(client.get('/calls').qs({ kind: '', stage: 'growth' }))
    assert.include(html, 'Offre croissance')
    assert.notInclude(html, 'Offre idéation')
    assert.notInclude(html, 'Bourse sans stade')
  })

  test('the filter form works without JavaScript and an empty result says so', async ({
    client,
    assert,
  }) => {
    await openCallTitled('Offre unique', 'startup_offer', { stage: 'early' })
    const html = await htmlOf(client.get('/calls').qs({ kind: 'vc_call' }))
    assert.match(html, /<form[^>]+method="GET"[^>]+action="\/calls"/)
    assert.include(html, 'Aucun appel ouvert ne correspond à ces critères.')
    assert.include(html, 'Aucun appel ouvert')
    assert.notInclude(html, 'Offre unique')
  })

  test('a stage chosen with another kind is ignored; unknown values narrow nothing', async ({
    client,
    assert,
  }) => {
    await openCallTitled('Bourse 2026', 'living_grant')
    await openCallTitled('Offre 2026', 'startup_offer')
    const mixed = await client.get('/calls').qs({ kind: 'living_grant', stage: 'growth' })
    assert.include(mixed.text(), 'Bourse 2026')
    const unknown = await client.get('/calls').qs({ kind: 'lottery', page: 'x' })
    unknown.assertStatus(200)
    assert.include(unknown.text(), 'Bourse 2026')
    assert.include(unknown.text(), 'Offre 2026')
  })

  test('draft, archived, not yet open and past-deadline calls are not listed', async ({
    client,
    assert,
  }) => {
    await callWith('Brouillon secret', { state: 'draft' })
    await callWith('Appel archivé', { state: 'archived' })
    await callWith('Appel clôturé', { state: 'closed' })
    await callWith('Pas encore ouvert', { opensAt: DateTime.utc().plus({ days: 2 }) })
    await callWith('Délai dépassé', { closesAt: DateTime.utc().minus({ minutes: 1 }) })
    await callWith('Toujours ouvert', {})

    const html = await htmlOf(client.get('/calls'))
    assert.include(html, 'Toujours ouvert')
    for (const hidden of [
      'Brouillon secret',
      'Appel archivé',
      'Appel clôturé',
      'Pas encore ouvert',
      'Délai dépassé',
    ]) {
      assert.notInclude(html, hidden)
    }
  })

  test('training programmes are not application calls and stay out of the catalogue', async ({
    client,
    assert,
  }) => {
    const programme = await ProgrammeFactory.merge({ kind: 'training', stage: null }).create()
    const call = await CallFactory.merge({
      programmeId: programme.id,
      title: { fr: 'Cohorte Jazari' },
    }).create()
    assert.notInclude(await htmlOf(client.get('/calls')), 'Cohorte Jazari')
    await assertNotFound(client.get(`/calls/${call.id}`))
  })

  test('a long list is paged, the filters kept in the page links', async ({ client, assert }) => {
    const programme = await ProgrammeFactory.apply('livingGrant').create()
    await CallFactory.merge({ programmeId: programme.id }).createMany(25)
    const first = await htmlOf(client.get('/calls').qs({ kind: 'living_grant' }))
    assert.include(first, '25 appels ouverts')
    assert.lengthOf(first.match(/class="card call-card"/g) ?? [], 24)
    assert.include(first, 'href="/calls?kind=living_grant&amp;page=2"')
    const second = await htmlOf(client.get('/calls').qs({ kind: 'living_grant', page: 2 }))
    assert.lengthOf(second.match(/class="card call-card"/g) ?? [], 1)
  })

  test('the catalogue runs the same few queries for 1 call as for 20', async ({
    client,
    assert,
  }) => {
    const programme = await ProgrammeFactory.create()
    await CallFactory.merge({ programmeId: programme.id }).create()
    const one = await countQueries(() => client.get('/calls'))
    one.result.assertStatus(200)

    const others = await ProgrammeFactory.apply('vcCall').createMany(3)
    for (const other of others) {
      await CallFactory.merge({ programmeId: other.id }).createMany(6)
    }
    await CallFactory.merge({ programmeId: programme.id }).create()
    const twenty = await countQueries(() => client.get('/calls'))
    twenty.result.assertStatus(200)
    assert.include(twenty.result.text(), '20 appels ouverts')

    assert.equal(twenty.queries.length, one.queries.length, twenty.queries.join('\n'))
    assert.isAtMost(twenty.queries.length, 2, twenty.queries.join('\n'))
  })
})

test.group('Public call page', (group) => {
  isolateEachTest(group)

  test('shows the call: programme, title, description, who can apply, envelope, dates', async ({
    client,
    assert,
  }) => {
    const call = await openCallOf('living_grant')
    call.description = { fr: 'Une allocation mensuelle\npour fonder votre startup.' }
    await call.save()
    const response = await client.get(`/calls/${call.id}`)
    response.assertStatus(200)
    const html = response.text()
    assert.include(html, 'Appel 2026')
    assert.include(html, 'Offre Startup Maroc — amorçage') // the factory programme's title
    assert.include(html, 'Une allocation mensuelle\npour fonder votre startup.')
    assert.include(html, 'Les salariés expérimentés qui quittent leur emploi')
    assert.match(html, /10\.000\.000,00\sMAD/u)
    assert.include(html, 'Clôture dans 29 jours')
    assert.match(html, /UTC[+−-]\d|GMT/) // instants carry the Casablanca offset
  })

  test('a draft or archived call is a 404, also for a signed-in person', async ({ client }) => {
    const draft = await callWith('Brouillon', { state: 'draft' })
    const archived = await callWith('Archivé', { state: 'archived' })
    const person = await UserFactory.create()
    await assertNotFound(client.get(`/calls/${draft.id}`))
    await assertNotFound(client.get(`/calls/${draft.id}`).loginAs(person))
    await assertNotFound(client.get(`/calls/${archived.id}`))
    await assertNotFound(client.get('/calls/999999999'))
    await assertNotFound(client.get('/calls/not-a-number'))
  })

  test('a closed call still shows, says it is closed and offers no apply form', async ({
    client,
    assert,
  }) => {
    const closed = await callWith('Édition 2025', { state: 'closed' })
    const pastDeadline = await callWith('Délai passé', {
      closesAt: DateTime.utc().minus({ hours: 1 }),
    })
    const person = await UserFactory.create()
    for (const call of [closed, pastDeadline]) {
      const response = await client.get(`/calls/${call.id}`).loginAs(person)
      response.assertStatus(200)
      assert.include(response.text(), 'Clôturé')
      assert.include(response.text(), 'les candidatures ne sont plus acceptées')
      assert.notInclude(response.text(), `action="/calls/${call.id}/applications"`)
    }
  })

  test('a call not open yet says when it opens', async ({ client, assert }) => {
    const call = await callWith('Bientôt', { opensAt: DateTime.utc().plus({ days: 3, hours: 2 }) })
    const html = await htmlOf(client.get(`/calls/${call.id}`))
    assert.include(html, 'Pas encore ouvert')
    assert.include(html, 'Ouvre dans 3 jours')
    assert.include(html, 'Les candidatures ouvriront le')
    assert.notInclude(html, '/applications"')
  })

  test('documents needed are the file fields of the current form version', async ({
    client,
    assert,
  }) => {
    const call = await openCallOf('startup_offer')
    const second: FormDefinition = {
      sections: [
        {
          key: 'files',
          title: { fr: 'Pièces' },
          fields: [
            { key: 'summary', type: 'long_text', label: { fr: 'Résumé du projet' } },
            {
              key: 'business_plan',
              type: 'file',
              label: { fr: "Plan d'affaires" },
              accept: ['application/pdf'],
              maxSizeMb: 10,
              required: true,
            },
            {
              key: 'founders',
              type: 'group',
              label: { fr: 'Fondateurs' },
              minItems: 1,
              fields: [
                {
                  key: 'cin',
                  type: 'file',
                  label: { fr: 'Copie de la CIN' },
                  accept: ['image/png', 'image/jpeg', 'application/pdf'],
                  maxSizeMb: 2,
                  required: true,
                },
              ],
            },
          ],
        },
      ],
    }
    await FormVersionFactory.merge({ callId: call.id, version: 2, definition: second }).create()

    const html = await htmlOf(client.get(`/calls/${call.id}`))
    assert.include(html, 'Plan d&#x27;affaires')
    assert.include(html, 'Copie de la CIN')
    assert.include(html, 'Un par entrée « Fondateurs »')
    assert.include(html, 'PNG, JPEG ou PDF')
    assert.include(html, '10 Mo')
    assert.include(html, '2 Mo')
    // version 1's pitch deck is gone, and a text field is not a document
    assert.notInclude(html, 'Présentation')
    assert.notInclude(html, 'Résumé du projet')
  })

  test('a form without files says no documents are needed', async ({ client, assert }) => {
    const call = await openCallOf('startup_offer', {
      sections: [MINIMAL_FORM.sections[0]].map((section) => ({
        ...section,
        fields: section.fields.filter((field) => field.type !== 'file'),
      })),
    })
    const html = await htmlOf(client.get(`/calls/${call.id}`))
    assert.include(html, 'Aucun document n&#x27;est à joindre pour cet appel.')
  })

  test('a visitor who is not signed in is asked to log in or sign up', async ({
    client,
    assert,
  }) => {
    const call = await openCallOf('startup_offer')
    const html = await htmlOf(client.get(`/calls/${call.id}`))
    assert.include(html, 'Connectez-vous ou créez un compte pour candidater')
    assert.include(html, 'href="/login"')
    assert.include(html, 'href="/signup"')
    assert.notInclude(html, `action="/calls/${call.id}/applications"`)
  })

  test('a founder may apply for themselves or for one of their own startups only', async ({
    client,
    assert,
  }) => {
    const call = await openCallOf('startup_offer')
    const founder = await UserFactory.create()
    const ownStartup = await OrganizationFactory.merge({ name: 'Argan Labs' }).create()
    const ownFund = await OrganizationFactory.apply('fundManager')
      .merge({ name: 'Atlas Ventures' })
      .create()
    const strangersStartup = await OrganizationFactory.merge({ name: 'Autre Startup' }).create()
    await memberOf(founder, ownStartup)
    await memberOf(founder, ownFund)
    await memberOf(await UserFactory.create(), strangersStartup)

    const response = await client.get(`/calls/${call.id}`).loginAs(founder)
    response.assertStatus(200)
    const html = response.text()
    assert.match(html, new RegExp(`<form method="POST" action="/calls/${call.id}/applications">`))
    assert.include(html, "name='_csrf'")
    assert.sameMembers(applyChoices(html), ['', String(ownStartup.id)])
    assert.include(html, 'Pour moi-même')
    assert.include(html, 'Argan Labs')
    assert.notInclude(html, 'Atlas Ventures')
    assert.notInclude(html, 'Autre Startup')
    assert.include(html, 'Commencer ma candidature')
  })

  test('a living grant is personal: no organization to choose', async ({ client, assert }) => {
    const call = await openCallOf('living_grant')
    const employee = await UserFactory.create()
    await memberOf(employee, await OrganizationFactory.create())
    const html = await htmlOf(client.get(`/calls/${call.id}`).loginAs(employee))
    assert.include(html, `action="/calls/${call.id}/applications"`)
    assert.deepEqual(applyChoices(html), [])
    assert.include(html, 'La candidature est personnelle')
  })

  test('a VC call is filed for a fund manager company by a fund manager', async ({
    client,
    assert,
  }) => {
    const call = await openCallOf('vc_call')
    const manager = await userWithRoles('fund_manager')
    const fund = await OrganizationFactory.apply('fundManager')
      .merge({ name: 'Atlas Ventures' })
      .create()
    await memberOf(manager, fund)
    await memberOf(manager, await OrganizationFactory.merge({ name: 'Ma Startup' }).create())

    const html = await htmlOf(client.get(`/calls/${call.id}`).loginAs(manager))
    assert.deepEqual(applyChoices(html), [String(fund.id)]) // no "myself" option
    assert.include(html, 'Atlas Ventures')
    assert.notInclude(html, 'Ma Startup')

    const withoutCompany = await userWithRoles('fund_manager')
    const noCompany = await htmlOf(client.get(`/calls/${call.id}`).loginAs(withoutCompany))
    assert.notInclude(noCompany, '/applications"')
    assert.include(noCompany, 'enregistrez d&#x27;abord votre société de gestion')

    const founder = await userWithRoles('applicant')
    await memberOf(founder, fund)
    const notAManager = await htmlOf(client.get(`/calls/${call.id}`).loginAs(founder))
    assert.notInclude(notAManager, '/applications"')
    assert.include(notAManager, 'rôle de gestionnaire de fonds')
  })

  test('the call page runs a fixed number of queries', async ({ client, assert }) => {
    const call = await openCallOf('startup_offer')
    const founder = await UserFactory.create()
    const { result, queries } = await countQueries(() =>
      client.get(`/calls/${call.id}`).loginAs(founder)
    )
    result.assertStatus(200)
    // session user, call, programme, form version, organizations, published rules
    assert.isAtMost(queries.length, 6, queries.join('\n'))
  })

  test('the header and the home page link to the catalogue', async ({ client, assert }) => {
    const call = await openCallTitled('Appel du jour')
    const home = await htmlOf(client.get('/'))
    assert.include(home, 'href="/calls"')
    assert.include(home, `href="/calls/${call.id}"`)
    const page = await htmlOf(client.get('/calls'))
    assert.match(page, /<a href="\/calls" aria-current="page">Appels<\/a>/)
  })
})

test.group('JSON API: open calls with filters', (group) => {
  isolateEachTest(group)

  test('?kind= and ?stage= narrow the list', async ({ client, assert }) => {
    const offer = await openCallTitled('API offre', 'startup_offer', { stage: 'growth' })
    const grant = await openCallTitled('API bourse', 'living_grant')
    const vc = await openCallTitled('API VC', 'vc_call')

    const ids = async (qs: Record<string, string>) => {
      const response = await client.get('/api/v1/calls').qs(qs)
      response.assertStatus(200)
      return response.body().data.map((call: { id: number }) => call.id)
    }
    const byKind = await ids({ kind: 'vc_call' })
    assert.include(byKind, vc.id)
    assert.notInclude(byKind, offer.id)
    assert.notInclude(byKind, grant.id)

    const byStage = await ids({ kind: 'startup_offer', stage: 'growth' })
    assert.include(byStage, offer.id)
    assert.notInclude(byStage, grant.id)

    const all = await ids({ kind: '', stage: '' })
    assert.includeMembers(all, [offer.id, grant.id, vc.id])
  })

  test('an unknown kind or stage is a 422 with a message in the reader language', async ({
    client,
    assert,
  }) => {
    const unknownKind = await client.get('/api/v1/calls').qs({ kind: 'training' })
    unknownKind.assertStatus(422)
    const [error] = unknownKind.body().errors
    assert.equal(error.field, 'kind')
    assert.include(error.message, 'Type de programme inconnu')

    const english = await client
      .get('/api/v1/calls')
      .qs({ stage: 'unicorn' })
      .header('Accept-Language', 'en')
    english.assertStatus(422)
    assert.include(english.body().errors[0].message, 'Unknown stage')

    const mismatch = await client.get('/api/v1/calls').qs({ kind: 'vc_call', stage: 'growth' })
    mismatch.assertStatus(422)
    assert.equal(mismatch.body().errors[0].field, 'stage')
    assert.include(mismatch.body().errors[0].message, 'startup_offer')
  })

  test('the filtered query selects the same calls as the benchmarked SQL', async ({ assert }) => {
    await openCallTitled('A', 'startup_offer')
    await openCallTitled('B', 'vc_call')
    await callWith('Brouillon', { state: 'draft' })
    const now = DateTime.utc()
    const raw = await db.rawQuery(OPEN_CALLS_SQL.replaceAll('$1', '?'), [
      now.toJSDate(),
      now.toJSDate(),
    ])
    const built = await openCallsQuery(now).limit(50)
    assert.deepEqual(built, raw.rows)
    const vcOnly = await listOpenCalls(now, { kind: 'vc_call' })
    assert.deepEqual(
      vcOnly,
      raw.rows.filter((row: { kind: string }) => row.kind === 'vc_call')
    )
  })
})
