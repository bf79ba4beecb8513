import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import type Call from '#programmes/models/call'
import FormVersion from '#programmes/models/form_version'
import { userWithRoles } from '#database/factories/user_factory'
import {
  CallFactory,
  FORM_WITHOUT_REQUESTED_AMOUNT,
  ProgrammeFactory,
} from '#database/factories/programme_factory'
import { isolateEachTest } from '#tests/helpers/http'

const callForm = {
  titleFr: 'Appel amorçage 2026',
  titleAr: 'دعوة الانطلاق 2026',
  descriptionFr: 'Première édition.',
  opensAt: '2026-03-01T17:00',
  closesAt: '2026-04-15T12:00',
  envelopeMad: '12 500 000',
  blindReview: '1',
}

async function draftCall(overrides: Partial<Call> = {}, withForm = true) {
  const programme = await ProgrammeFactory.create()
  const factory = CallFactory.merge({ state: 'draft', programmeId: programme.id, ...overrides })
  return withForm ? factory.with('formVersions', 1).create() : factory.create()
}

function auditsOf(callId: number) {
  return db
    .from('audit_logs')
    .where({ subject_type: 'call', subject_id: String(callId) })
    .orderBy('id')
}

test.group('Staff: calls', (group) => {
  isolateEachTest(group)

  test('a call is created as a draft with its Casablanca times stored as the right UTC instants', async ({
    client,
    assert,
  }) => {
    const officer = await userWithRoles('programme_officer')
    const programme = await ProgrammeFactory.create()
    const response = await client
      .post(`/staff/programmes/${programme.id}/calls`)
      .form(callForm)
      .loginAs(officer)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)

    const row = await db.from('calls').where('programme_id', programme.id).firstOrFail()
    response.assertHeader('location', `/staff/calls/${row.id}`)
    assert.equal(row.state, 'draft')
    // Ramadan 2026: Casablanca is on UTC+0 on 1 March, back on UTC+1 by mid-April.
    assert.equal(row.opens_at.toISOString(), '2026-03-01T17:00:00.000Z')
    assert.equal(row.closes_at.toISOString(), '2026-04-15T11:00:00.000Z')
    assert.strictEqual(row.envelope_centimes, 1_250_000_000)
    assert.isTrue(row.blind_review)
    assert.deepEqual(row.title, { fr: 'Appel amorçage 2026', ar: 'دعوة الانطلاق 2026' })

    const [entry] = await auditsOf(row.id)
    assert.equal(entry.action, 'call.created')
    assert.equal(entry.actor_id, officer.id)

    // Shown back as typed, in Casablanca time.
    const edit = await client.get(`/staff/calls/${row.id}/edit`).loginAs(officer)
    edit.assertTextIncludes('value="2026-03-01T17:00"')
    edit.assertTextIncludes('value="2026-04-15T12:00"')
    edit.assertTextIncludes('value="12500000.00"')
  })

  test('a closing before the opening is refused with a clear message and nothing is written', async ({
    client,
    assert,
  }) => {
    const officer = await userWithRoles('programme_officer')
    const programme = await ProgrammeFactory.create()
    const page = await client
      .post(`/staff/programmes/${programme.id}/calls`)
      .form({ ...callForm, closesAt: '2026-03-01T16:59', envelopeMad: '-5' })
      .header('Referer', `/staff/programmes/${programme.id}/calls/new`)
      .loginAs(officer)
      .withCsrfToken()
      .redirects(0)
    page.assertStatus(302)
    page.assertHeader('location', `/staff/programmes/${programme.id}/calls/new`)
    assert.deepInclude(page.flashMessages().inputErrorsBag, {
      closesAt: ["La clôture doit être postérieure à l'ouverture."],
      envelopeMad: [
        'Le champ enveloppe budgétaire doit être un montant en dirhams, par ex. 250 000 ou 1 234,50.',
      ],
    })

    const json = await client
      .post(`/staff/programmes/${programme.id}/calls`)
      .accept('json')
      .json({ ...callForm, opensAt: 'demain', closesAt: '2026-02-30T10:00' })
      .loginAs(officer)
      .withCsrfToken()
    json.assertStatus(422)
    assert.sameMembers(
      json.body().errors.map((error: { field: string }) => error.field),
      ['opensAt', 'closesAt']
    )
    assert.lengthOf(await db.from('calls').where('programme_id', programme.id), 0)
  })

  test('a draft is edited freely and the change is audited', async ({ client, assert }) => {
    const officer = await userWithRoles('programme_officer')
    const call = await draftCall()
    await client
      .put(`/staff/calls/${call.id}`)
      .form({ ...callForm, titleFr: 'Appel révisé', blindReview: undefined })
      .loginAs(officer)
      .withCsrfToken()
    await call.refresh()
    assert.deepEqual(call.title, { fr: 'Appel révisé', ar: 'دعوة الانطلاق 2026' })
    assert.isFalse(call.blindReview)
    assert.equal(call.opensAt.toUTC().toISO(), '2026-03-01T17:00:00.000Z')
    const entries = await auditsOf(call.id).where('action', 'call.updated')
    assert.lengthOf(entries, 1)
    assert.includeMembers(entries[0].metadata.changed, ['title', 'opensAt', 'closesAt'])
  })

  test('an open call only takes a later closing and a new description', async ({
    client,
    assert,
  }) => {
    const officer = await userWithRoles('programme_officer')
    const programme = await ProgrammeFactory.create()
    const call = await CallFactory.merge({
      programmeId: programme.id,
      closesAt: DateTime.fromISO('2027-04-30T18:00', { zone: 'Africa/Casablanca' }).toUTC(),
    })
      .with('formVersions', 1)
      .create()
    const envelope = call.envelopeCentimes

    const earlier = await client
      .put(`/staff/calls/${call.id}`)
      .form({ descriptionFr: 'Nouvelle description', closesAt: '2027-04-15T18:00' })
      .header('Referer', `/staff/calls/${call.id}/edit`)
      .loginAs(officer)
      .withCsrfToken()
      .redirects(0)
    earlier.assertFlashMessage(
      'error',
      "La clôture d'un appel ouvert ne peut qu'être repoussée, jamais avancée."
    )
    await call.refresh()
    assert.deepEqual(call.description, { fr: 'Un appel de test.', en: 'A test call.' })

    const later = await client
      .put(`/staff/calls/${call.id}`)
      .form({
        descriptionFr: 'Nouvelle description',
        closesAt: '2027-05-31T18:00',
        titleFr: 'Titre pirate',
        envelopeMad: '1',
      })
      .loginAs(officer)
      .withCsrfToken()
      .redirects(0)
    later.assertStatus(302)
    await call.refresh()
    assert.deepEqual(call.description, { fr: 'Nouvelle description' })
    assert.equal(
      call.closesAt.toMillis(),
      DateTime.fromISO('2027-05-31T18:00', { zone: 'Africa/Casablanca' }).toMillis()
    )
    assert.deepEqual(call.title, { fr: 'Appel 2026', en: 'Call 2026' }, 'the title is locked')
    assert.strictEqual(call.envelopeCentimes, envelope, 'the envelope is locked')
    const [entry] = await auditsOf(call.id).where('action', 'call.updated')
    assert.sameMembers(entry.metadata.changed, ['description', 'closesAt'])
  })

  test('closed, decided and archived calls are read only', async ({ client, assert }) => {
    const officer = await userWithRoles('programme_officer')
    for (const state of ['closed', 'decided', 'archived'] as const) {
      const call = await draftCall({ state })
      assert.equal(call.state, state)
      const response = await client
        .put(`/staff/calls/${call.id}`)
        .form({ ...callForm, titleFr: 'Changé' })
        .header('Referer', `/staff/calls/${call.id}`)
        .loginAs(officer)
        .withCsrfToken()
        .redirects(0)
      response.assertFlashMessage('error', "Cet appel n'est plus modifiable dans son état actuel.")
      await call.refresh()
      assert.deepEqual(call.title, { fr: 'Appel 2026', en: 'Call 2026' })
      const page = await client.get(`/staff/calls/${call.id}/edit`).loginAs(officer)
      page.assertStatus(200)
      page.assertTextIncludes('il n&#x27;est plus modifiable')
      assert.lengthOf(await auditsOf(call.id), 0)
    }
  })
})

test.group('Staff: call lifecycle', (group) => {
  isolateEachTest(group)

  test('a call goes draft → open → closed → decided → archived, each move audited with its reason', async ({
    client,
    assert,
  }) => {
    const officer = await userWithRoles('programme_officer')
    const call = await draftCall()
    for (const [to, reason] of [
      ['open', 'Validé en comité de pilotage'],
      ['closed', ''],
      ['decided', 'PV du 12 mai'],
      ['archived', ''],
    ]) {
      const response = await client
        .post(`/staff/calls/${call.id}/transitions`)
        .form({ to, reason })
        .loginAs(officer)
        .withCsrfToken()
        .redirects(0)
      response.assertStatus(302)
      response.assertHeader('location', `/staff/calls/${call.id}`)
      await call.refresh()
      assert.equal(call.state, to)
    }
    const moves = await auditsOf(call.id).where('action', 'call.transition')
    assert.deepEqual(
      moves.map((move) => [move.from_state, move.to_state, move.reason, move.actor_id]),
      [
        ['draft', 'open', 'Validé en comité de pilotage', officer.id],
        ['open', 'closed', null, officer.id],
        ['closed', 'decided', 'PV du 12 mai', officer.id],
        ['decided', 'archived', null, officer.id],
      ]
    )
    const page = await client.get(`/staff/calls/${call.id}`).loginAs(officer)
    page.assertTextIncludes('Validé en comité de pilotage')
  })

  test('opening is refused without a form, with an invalid form, or after the closing date', async ({
    client,
    assert,
  }) => {
    const officer = await userWithRoles('programme_officer')
    const open = (callId: number) =>
      client
        .post(`/staff/calls/${callId}/transitions`)
        .form({ to: 'open' })
        .header('Referer', `/staff/calls/${callId}`)
        .loginAs(officer)
        .withCsrfToken()
        .redirects(0)

    const formless = await draftCall({}, false)
    const noForm = await open(formless.id)
    noForm.assertFlashMessage(
      'error',
      "Impossible d'ouvrir l'appel : il n'a pas encore de formulaire de candidature."
    )

    const broken = await draftCall({}, false)
    await FormVersion.create({
      callId: broken.id,
      version: 1,
      definition: { sections: [{ key: 'Bad Key', title: {}, fields: [] }] } as any,
      frozenAt: null,
    })
    const invalid = await open(broken.id)
    invalid.assertFlashMessage(
      'error',
      "Impossible d'ouvrir l'appel : la version 1 du formulaire comporte 3 erreurs."
    )

    const late = await draftCall({
      opensAt: DateTime.utc().minus({ days: 30 }),
      closesAt: DateTime.utc().minus({ minutes: 1 }),
    })
    const past = await open(late.id)
    past.assertFlashMessage(
      'error',
      "Impossible d'ouvrir l'appel : sa date de clôture est passée. Repoussez-la d'abord."
    )

    for (const call of [formless, broken, late]) {
      await call.refresh()
      assert.equal(call.state, 'draft')
      assert.lengthOf(await auditsOf(call.id), 0)
    }
  })

  test('opening a startup offer call is refused while its form does not declare the amount requested', async ({
    client,
    assert,
  }) => {
    const officer = await userWithRoles('programme_officer')
    const callWithUndeclaredForm = async () => {
      const call = await draftCall({}, false)
      const definition = FORM_WITHOUT_REQUESTED_AMOUNT
      await FormVersion.create({ callId: call.id, version: 1, definition, frozenAt: null })
      return call
    }
    const open = (call: Call) =>
      client
        .post(`/staff/calls/${call.id}/transitions`)
        .form({ to: 'open' })
        .header('Referer', `/staff/calls/${call.id}`)
        .loginAs(officer)
        .withCsrfToken()
        .redirects(0)

    const startupOffer = await callWithUndeclaredForm()
    const refused = await open(startupOffer)
    refused.assertFlashMessage(
      'error',
      `Impossible d'ouvrir l'appel : la version 1 du formulaire n'indique pas quel champ monétaire porte le montant demandé ("requestedAmount": true).`
    )
    await startupOffer.refresh()
    assert.equal(startupOffer.state, 'draft')

    const living = await callWithUndeclaredForm()
    await db.from('programmes').where('id', living.programmeId).update({
      kind: 'living_grant',
      stage: null,
      grant_ceiling_centimes: null,
      monthly_stipend_centimes: 1_500_000,
      stipend_months: 12,
    })
    const opened = await open(living)
    opened.assertStatus(302)
    await living.refresh()
    assert.equal(living.state, 'open', 'a living grant pays its stipend, it asks no amount')
  })

  test('a move the lifecycle does not allow is refused', async ({ client, assert }) => {
    const officer = await userWithRoles('programme_officer')
    const call = await draftCall()
    const response = await client
      .post(`/staff/calls/${call.id}/transitions`)
      .accept('json')
      .json({ to: 'decided' })
      .loginAs(officer)
      .withCsrfToken()
    response.assertStatus(409)
    const unknown = await client
      .post(`/staff/calls/${call.id}/transitions`)
      .accept('json')
      .json({ to: 'published' })
      .loginAs(officer)
      .withCsrfToken()
    unknown.assertStatus(422)
    await call.refresh()
    assert.equal(call.state, 'draft')
  })

  test('the call page shows whether the form is ready and the moves available', async ({
    client,
  }) => {
    const officer = await userWithRoles('programme_officer')
    const call = await draftCall()
    const page = await client.get(`/staff/calls/${call.id}`).loginAs(officer)
    page.assertStatus(200)
    page.assertTextIncludes('Formulaire prêt (version 1).')
    page.assertTextIncludes('value="open"')
    page.assertTextIncludes('value="archived"')
    const missing = await client.get('/staff/calls/999999').loginAs(officer)
    missing.assertStatus(404)
  })
})
