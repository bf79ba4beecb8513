import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import Programme from '#programmes/models/programme'
import { userWithRoles } from '#database/factories/user_factory'
import { CallFactory, ProgrammeFactory } from '#database/factories/programme_factory'
import { isolateEachTest } from '#tests/helpers/http'
import { countQueries } from '#tests/helpers/queries'

const texts = {
  titleFr: 'Offre Startup Maroc — amorçage',
  summaryFr: 'Subventions pour les startups en amorçage.',
}

function auditOf(action: string, subjectId: number) {
  return db.from('audit_logs').where({ action, subject_id: String(subjectId) })
}

test.group('Staff: programmes', (group) => {
  isolateEachTest(group)

  test('an officer creates a startup offer with its stage and a ceiling typed in dirhams', async ({
    client,
    assert,
  }) => {
    const officer = await userWithRoles('programme_officer')
    const response = await client
      .post('/staff/programmes')
      .form({
        kind: 'startup_offer',
        code: 'sm-amorcage-2026',
        ...texts,
        titleAr: 'عرض ستارت أب المغرب — الانطلاق',
        titleEn: '',
        stage: 'early',
        grantCeilingMad: '500 000,50',
      })
      .loginAs(officer)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)

    const programme = await Programme.findByOrFail('code', 'SM-AMORCAGE-2026')
    response.assertHeader('location', `/staff/programmes/${programme.id}/edit`)
    assert.equal(programme.kind, 'startup_offer')
    assert.equal(programme.stage, 'early')
    assert.strictEqual(programme.grantCeilingCentimes, 50_000_050)
    assert.isNull(programme.monthlyStipendCentimes)
    assert.deepEqual(programme.title, {
      fr: 'Offre Startup Maroc — amorçage',
      ar: 'عرض ستارت أب المغرب — الانطلاق',
    })
    assert.deepEqual(programme.summary, { fr: texts.summaryFr })

    const entry = await auditOf('programme.created', programme.id).firstOrFail()
    assert.equal(entry.actor_id, officer.id)
    assert.equal(entry.metadata.kind, 'startup_offer')
  })

  test('an officer creates a living grant: a monthly stipend over a number of months', async ({
    client,
    assert,
  }) => {
    const officer = await userWithRoles('programme_officer')
    await client
      .post('/staff/programmes')
      .form({
        kind: 'living_grant',
        code: 'BOURSE-VIE-2026',
        ...texts,
        monthlyStipendMad: '15000',
        stipendMonths: '12',
        // Terms of another kind are never stored.
        grantCeilingMad: '999',
        stage: 'growth',
      })
      .loginAs(officer)
      .withCsrfToken()
    const programme = await Programme.findByOrFail('code', 'BOURSE-VIE-2026')
    assert.equal(programme.kind, 'living_grant')
    assert.strictEqual(programme.monthlyStipendCentimes, 1_500_000)
    assert.strictEqual(programme.stipendMonths, 12)
    assert.isNull(programme.stage)
    assert.isNull(programme.grantCeilingCentimes)
  })

  test('an officer creates a VC call for expression of interest', async ({ client, assert }) => {
    const officer = await userWithRoles('programme_officer')
    await client
      .post('/staff/programmes')
      .form({ kind: 'vc_call', code: 'VC-2026', ...texts, summaryZgh: 'ⴰⵖⵔⵓⵔ VC' })
      .loginAs(officer)
      .withCsrfToken()
    const programme = await Programme.findByOrFail('code', 'VC-2026')
    assert.equal(programme.kind, 'vc_call')
    assert.deepEqual(programme.summary, { fr: texts.summaryFr, zgh: 'ⴰⵖⵔⵓⵔ VC' })
    assert.isNull(programme.stage)
  })

  test('invalid input is sent back with localized field messages and nothing is written', async ({
    client,
    assert,
  }) => {
    const officer = await userWithRoles('programme_officer')
    const taken = await ProgrammeFactory.merge({ code: 'TAKEN-1' }).create()
    const before = await db.from('programmes').count('* as total').firstOrFail()

    const page = await client
      .post('/staff/programmes')
      .form({
        kind: 'startup_offer',
        code: 'taken-1',
        titleFr: 'ok titre',
        grantCeilingMad: 'beaucoup',
      })
      .header('Referer', '/staff/programmes/new?kind=startup_offer')
      .loginAs(officer)
      .withCsrfToken()
      .redirects(0)
    page.assertStatus(302)
    page.assertHeader('location', '/staff/programmes/new?kind=startup_offer')
    assert.deepInclude(page.flashMessages().inputErrorsBag, {
      code: ['Ce code est déjà utilisé par un autre programme.'],
      stage: ['Le champ stade est obligatoire.'],
      summaryFr: ['Le champ présentation en français est obligatoire.'],
      grantCeilingMad: [
        'Le champ plafond de subvention doit être un montant en dirhams, par ex. 250 000 ou 1 234,50.',
      ],
    })

    const json = await client
      .post('/staff/programmes')
      .accept('json')
      .json({ kind: 'training', code: 'a b', titleFr: 'x', summaryFr: 'Résumé' })
      .loginAs(officer)
      .withCsrfToken()
    json.assertStatus(422)
    const fields = json.body().errors.map((error: { field: string }) => error.field)
    assert.includeMembers(fields, ['kind', 'code', 'titleFr'])

    const after = await db.from('programmes').count('* as total').firstOrFail()
    assert.equal(after.total, before.total)
    assert.isNull(await auditOf('programme.created', taken.id).first())
  })

  test('the messages follow the officer language', async ({ client, assert }) => {
    const officer = await userWithRoles('programme_officer')
    officer.preferredLocale = 'ar'
    await officer.save()
    const response = await client
      .post('/staff/programmes')
      .form({ kind: 'living_grant', code: 'BV-AR', titleFr: 'Bourse', summaryFr: 'Bourse de vie' })
      .header('Referer', '/staff/programmes/new?kind=living_grant')
      .loginAs(officer)
      .withCsrfToken()
      .redirects(0)
    assert.deepInclude(response.flashMessages().inputErrorsBag, {
      stipendMonths: ['حقل مدة المنحة إلزامي.'],
    })
  })

  test('an officer edits a programme, keeps its own code, and the change is audited', async ({
    client,
    assert,
  }) => {
    const officer = await userWithRoles('programme_officer')
    const programme = await ProgrammeFactory.merge({ code: 'SM-EARLY' }).create()
    const response = await client
      .put(`/staff/programmes/${programme.id}`)
      .form({
        kind: 'vc_call',
        code: 'SM-EARLY',
        titleFr: 'Offre amorçage 2027',
        summaryFr: 'Nouvelle présentation',
        stage: 'growth',
        grantCeilingMad: '750000',
      })
      .loginAs(officer)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    await programme.refresh()
    assert.equal(programme.kind, 'startup_offer', 'the kind never changes')
    assert.equal(programme.stage, 'growth')
    assert.strictEqual(programme.grantCeilingCentimes, 75_000_000)
    assert.deepEqual(programme.title, { fr: 'Offre amorçage 2027' })
    const entry = await auditOf('programme.updated', programme.id).firstOrFail()
    assert.includeMembers(entry.metadata.changed, ['title', 'summary', 'stage'])
  })

  test('the list shows every programme with its calls and their states, in a fixed number of queries', async ({
    client,
    assert,
  }) => {
    const officer = await userWithRoles('programme_officer')
    for (let index = 0; index < 4; index++) {
      const programme = await ProgrammeFactory.create()
      await CallFactory.merge({ programmeId: programme.id, title: { fr: `Appel ${index}` } })
        .apply('draft')
        .createMany(2)
      await CallFactory.merge({
        programmeId: programme.id,
        title: { fr: `Ouvert ${index}` },
      }).create()
    }
    const { result: response, queries } = await countQueries(() =>
      client.get('/staff/programmes').loginAs(officer)
    )
    response.assertStatus(200)
    response.assertTextIncludes('Ouvert 3')
    response.assertTextIncludes('data-state="draft"')
    response.assertTextIncludes('data-state="open"')
    // session user + count + programmes + their calls
    assert.isAtMost(queries.length, 4, queries.join('\n'))
  })

  test('the creation and edit pages render for each kind', async ({ client }) => {
    const officer = await userWithRoles('programme_officer')
    for (const kind of ['startup_offer', 'living_grant', 'vc_call']) {
      const page = await client.get(`/staff/programmes/new?kind=${kind}`).loginAs(officer)
      page.assertStatus(200)
      page.assertTextIncludes(`name="kind" value="${kind}"`)
    }
    const grant = await ProgrammeFactory.apply('livingGrant').create()
    const edit = await client.get(`/staff/programmes/${grant.id}/edit`).loginAs(officer)
    edit.assertStatus(200)
    edit.assertTextIncludes('value="15 000"')
    const missing = await client.get('/staff/programmes/999999/edit').loginAs(officer)
    missing.assertStatus(404)
  })
})
