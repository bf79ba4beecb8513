import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import app from '@adonisjs/core/services/app'
import i18nManager from '@adonisjs/i18n/services/main'
import Application from '#applications/models/application'
import ApplicationDocument from '#applications/models/application_document'
import FormVersion from '#programmes/models/form_version'
import { openCallOf } from '#database/factories/programme_factory'
import { draftOf } from '#database/factories/application_factory'
import { OrganizationFactory } from '#database/factories/organization_factory'
import { UserFactory, userWithRoles } from '#database/factories/user_factory'
import { isolateEachTest } from '#tests/helpers/http'

const PDF = app.makePath('tests/fixtures/deck.pdf')
const EXE = app.makePath('tests/fixtures/setup.exe')

test.group('Applications / starting', (group) => {
  isolateEachTest(group)

  test('a founder starts an application from an open call and lands on its form', async ({
    client,
    assert,
  }) => {
    const call = await openCallOf('startup_offer')
    const founder = await userWithRoles('applicant')
    const response = await client
      .post(`/calls/${call.id}/applications`)
      .form({})
      .loginAs(founder)
      .withCsrfToken()
      .redirects(0)
    const application = await Application.findByOrFail('applicant_id', founder.id)
    response.assertStatus(302)
    response.assertHeader('location', `/applications/${application.id}/edit`)
    assert.equal(application.state, 'draft')
    const audit = await db
      .from('audit_logs')
      .where({ subject_type: 'application', subject_id: String(application.id) })
      .first()
    assert.equal(audit.action, 'application.created')
  })

  test('starting twice returns the same draft', async ({ client, assert }) => {
    const call = await openCallOf('living_grant')
    const employee = await userWithRoles('applicant')
    for (let i = 0; i < 2; i++) {
      await client
        .post(`/calls/${call.id}/applications`)
        .form({})
        .loginAs(employee)
        .withCsrfToken()
        .redirects(0)
    }
    const rows = await Application.query().where('applicant_id', employee.id)
    assert.lengthOf(rows, 1)
  })

  test('a VC call is filed by a fund manager for a company they belong to', async ({
    client,
    assert,
  }) => {
    const call = await openCallOf('vc_call')
    const manager = await userWithRoles('fund_manager')
    const company = await OrganizationFactory.apply('fundManager').create()
    const otherCompany = await OrganizationFactory.apply('fundManager').create()
    await db.table('organization_members').insert({
      organization_id: company.id,
      user_id: manager.id,
      role: 'owner',
      created_at: new Date(),
    })

    const alone = await client
      .post(`/calls/${call.id}/applications`)
      .accept('json')
      .json({})
      .loginAs(manager)
      .withCsrfToken()
    alone.assertStatus(422)

    const foreign = await client
      .post(`/calls/${call.id}/applications`)
      .accept('json')
      .json({ organizationId: otherCompany.id })
      .loginAs(manager)
      .withCsrfToken()
    foreign.assertStatus(403)

    const founder = await userWithRoles('applicant')
    const wrongRole = await client
      .post(`/calls/${call.id}/applications`)
      .accept('json')
      .json({})
      .loginAs(founder)
      .withCsrfToken()
    wrongRole.assertStatus(403)
    assert.lengthOf(await Application.query().where('call_id', call.id), 0)

    await client
      .post(`/calls/${call.id}/applications`)
      .form({ organizationId: company.id })
      .loginAs(manager)
      .withCsrfToken()
      .redirects(0)
    const proposal = await Application.findByOrFail('call_id', call.id)
    assert.equal(proposal.organizationId, company.id)
  })

  test('a draft call cannot be applied to', async ({ client }) => {
    const call = await openCallOf('startup_offer')
    await call.merge({ state: 'draft' }).save()
    const founder = await userWithRoles('applicant')
    const response = await client
      .post(`/calls/${call.id}/applications`)
      .accept('json')
      .json({})
      .loginAs(founder)
      .withCsrfToken()
    response.assertStatus(404)
  })
})

test.group('Applications / drafts and documents', (group) => {
  isolateEachTest(group)

  test('autosave keeps what was typed, even not yet valid, and only the form keys', async ({
    client,
    assert,
  }) => {
    const call = await openCallOf()
    const founder = await userWithRoles('applicant')
    const draft = await draftOf(founder, call)
    const response = await client
      .put(`/applications/${draft.id}`)
      .accept('json')
      .json({
        answers: { project: { name: 'Argan AI', amount: '12a', injected: 'x' }, state: 'x' },
      })
      .loginAs(founder)
      .withCsrfToken()
    response.assertStatus(200)
    await draft.refresh()
    assert.deepEqual(draft.answers, { project: { name: 'Argan AI', amount: '12a' } })
    assert.equal(draft.state, 'draft')
  })

  test('the draft page renders the call form with the saved answers, in Arabic too', async ({
    client,
  }) => {
    const call = await openCallOf()
    const founder = await UserFactory.merge({
      roles: ['applicant'],
      preferredLocale: 'ar',
    }).create()
    const draft = await draftOf(founder, call, { project: { name: 'Argan AI' } })
    const page = await client.get(`/applications/${draft.id}/edit`).loginAs(founder)
    page.assertStatus(200)
    page.assertTextIncludes('name="answers[project][name]"')
    page.assertTextIncludes('value="Argan AI"')
    page.assertTextIncludes('dir="rtl"')
    page.assertTextIncludes('data-autosave')
  })

  test('a PDF is stored privately and downloadable only by its owner', async ({
    client,
    assert,
  }) => {
    const call = await openCallOf()
    const founder = await userWithRoles('applicant')
    const draft = await draftOf(founder, call)
    const upload = await client
      .put(`/applications/${draft.id}`)
      .file('files[project][deck]', PDF, { filename: 'deck.pdf' })
      .loginAs(founder)
      .withCsrfToken()
      .redirects(0)
    upload.assertStatus(302)
    const document = await ApplicationDocument.findByOrFail('application_id', draft.id)
    assert.equal(document.mimeType, 'application/pdf')
    await draft.refresh()
    assert.equal(draft.answers.project.deck, String(document.id))

    const mine = await client.get(`/documents/${document.id}`).loginAs(founder)
    mine.assertStatus(200)
    mine.assertHeader('content-type', 'application/pdf')

    const stranger = await userWithRoles('applicant')
    const theirs = await client.get(`/documents/${document.id}`).loginAs(stranger)
    theirs.assertStatus(404)
  })

  test('an .exe renamed .pdf is refused and nothing is stored', async ({ client, assert }) => {
    const call = await openCallOf()
    const founder = await userWithRoles('applicant')
    const draft = await draftOf(founder, call)
    const response = await client
      .put(`/applications/${draft.id}`)
      .accept('json')
      .field('answers[project][name]', 'Argan AI')
      .file('files[project][deck]', EXE, { filename: 'deck.pdf', contentType: 'application/pdf' })
      .loginAs(founder)
      .withCsrfToken()
    response.assertStatus(422)
    assert.equal(response.body().errors[0].field, 'project.deck')
    assert.match(response.body().errors[0].message, /type accepté/)
    assert.lengthOf(await ApplicationDocument.query().where('application_id', draft.id), 0)
    await draft.refresh()
    assert.equal(draft.answers.project.name, 'Argan AI', 'the answers typed alongside are kept')
  })
})

test.group('Applications / submitting', (group) => {
  isolateEachTest(group)

  test('a missing required answer is refused with its label, and the draft stays', async ({
    client,
    assert,
  }) => {
    const call = await openCallOf()
    const founder = await userWithRoles('applicant')
    const draft = await draftOf(founder, call, { project: { amount: '1 000' } })
    const response = await client
      .post(`/applications/${draft.id}/submission`)
      .accept('json')
      .json({})
      .loginAs(founder)
      .withCsrfToken()
    response.assertStatus(422)
    const error = response.body().errors.find((item: any) => item.field === 'project.name')
    assert.include(error.message, 'Nom du projet')
    await draft.refresh()
    assert.equal(draft.state, 'draft')
    assert.isNull(draft.reference)
  })

  test('submitting freezes the form version, snapshots typed answers and gives a reference', async ({
    client,
    assert,
  }) => {
    const call = await openCallOf()
    const founder = await userWithRoles('applicant')
    const draft = await draftOf(founder, call, {
      project: { name: 'Argan AI', amount: '250 000,50' },
    })
    const response = await client
      .post(`/applications/${draft.id}/submission`)
      .form({})
      .loginAs(founder)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    await draft.refresh()
    assert.equal(draft.state, 'submitted')
    assert.match(draft.reference!, /^SM-20\d\d-\d{6}$/)
    assert.deepEqual(draft.submittedAnswers, { project: { name: 'Argan AI', amount: 25_000_050 } })
    const version = await FormVersion.findOrFail(draft.formVersionId)
    assert.isNotNull(version.frozenAt)
    const transition = await db
      .from('audit_logs')
      .where({ subject_type: 'application', subject_id: String(draft.id), to_state: 'submitted' })
      .first()
    assert.equal(transition.actor_id, founder.id)
  })

  test('the submitted application page reads only what it shows (5 queries)', async ({
    client,
    assert,
  }) => {
    const { countQueries } = await import('#tests/helpers/queries')
    const call = await openCallOf()
    const founder = await userWithRoles('applicant')
    const draft = await draftOf(founder, call, { project: { name: 'Argan AI' } })
    await client
      .post(`/applications/${draft.id}/submission`)
      .form({})
      .loginAs(founder)
      .withCsrfToken()
      .redirects(0)
    const view = () => client.get(`/applications/${draft.id}`).loginAs(founder)
    const first = await countQueries(view)
    const { result: page, queries } = await countQueries(view)
    page.assertStatus(200)
    page.assertTextIncludes(founder.fullName)
    page.assertTextIncludes(i18nManager.locale('fr').t('applications.for_myself'))
    assert.notInclude(page.text(), i18nManager.locale('fr').t('deadlines.your_deadline'))
    // No organization, no evaluation yet, the applicant is the one signed in, and a
    // submitted application has no deadline left: none of them is read. Its form version
    // is frozen: read on the first view only.
    const tables = (list: string[]) => list.map((sql) => /from "(\w+)"/.exec(sql)?.[1])
    assert.include(tables(first.queries), 'form_versions')
    for (const table of [
      'organizations',
      'application_evaluations',
      'deadline_extensions',
      'form_versions',
    ]) {
      assert.notInclude(tables(queries), table)
    }
    assert.lengthOf(
      tables(queries).filter((table) => table === 'users'),
      1,
      'the signed-in user, once'
    )
    // Its documents, timeline and co-applicants come in one query.
    const lists = queries.filter((sql) => sql.includes('application_documents'))
    assert.lengthOf(lists, 1, queries.join('\n'))
    assert.include(lists[0], 'audit_logs')
    assert.include(lists[0], 'application_members')
    assert.isAtMost(queries.length, 5, queries.join('\n'))
  })

  test('one minute after closing is refused; one minute before is accepted', async ({
    client,
    assert,
  }) => {
    const founder = await userWithRoles('applicant')
    const late = await openCallOf()
    await late.merge({ closesAt: DateTime.utc().minus({ minutes: 1 }) }).save()
    const lateDraft = await draftOf(founder, late, { project: { name: 'Trop tard' } })
    const refused = await client
      .post(`/applications/${lateDraft.id}/submission`)
      .accept('json')
      .json({})
      .loginAs(founder)
      .withCsrfToken()
    refused.assertStatus(409)
    assert.match(refused.body().errors[0].message, /date limite/)
    await lateDraft.refresh()
    assert.equal(lateDraft.state, 'draft')

    const onTime = await openCallOf()
    await onTime.merge({ closesAt: DateTime.utc().plus({ minutes: 1 }) }).save()
    const onTimeDraft = await draftOf(founder, onTime, { project: { name: 'À temps' } })
    const accepted = await client
      .post(`/applications/${onTimeDraft.id}/submission`)
      .accept('json')
      .json({})
      .loginAs(founder)
      .withCsrfToken()
    accepted.assertStatus(201)
  })

  test('a submitted application can no longer be changed', async ({ client }) => {
    const call = await openCallOf()
    const founder = await userWithRoles('applicant')
    const draft = await draftOf(founder, call, { project: { name: 'Argan AI' } })
    await client
      .post(`/applications/${draft.id}/submission`)
      .accept('json')
      .json({})
      .loginAs(founder)
      .withCsrfToken()
    const response = await client
      .put(`/applications/${draft.id}`)
      .accept('json')
      .json({ answers: { project: { name: 'Changed' } } })
      .loginAs(founder)
      .withCsrfToken()
    response.assertStatus(409)
  })

  test('the applicant withdraws with a reason; the timeline shows it', async ({
    client,
    assert,
  }) => {
    const call = await openCallOf()
    const founder = await userWithRoles('applicant')
    const draft = await draftOf(founder, call, { project: { name: 'Argan AI' } })
    await client
      .post(`/applications/${draft.id}/withdrawal`)
      .form({ reason: 'Projet abandonné' })
      .loginAs(founder)
      .withCsrfToken()
      .redirects(0)
    await draft.refresh()
    assert.equal(draft.state, 'withdrawn')
    const page = await client.get(`/applications/${draft.id}`).loginAs(founder)
    page.assertTextIncludes('Projet abandonné')
    page.assertTextIncludes('<span class="badge neutral">Retirée</span>')
  })
})

test.group('Applications / who may see what', (group) => {
  isolateEachTest(group)

  test("another applicant's application is a 404 on every route", async ({ client }) => {
    const call = await openCallOf()
    const owner = await userWithRoles('applicant')
    const draft = await draftOf(owner, call, { project: { name: 'Secret' } })
    const stranger = await UserFactory.create()
    const requests = [
      client.get(`/applications/${draft.id}`),
      client.get(`/applications/${draft.id}/edit`),
      client.get(`/applications/${draft.id}/receipt`),
      client.put(`/applications/${draft.id}`).json({}).withCsrfToken(),
      client.post(`/applications/${draft.id}/submission`).json({}).withCsrfToken(),
      client.post(`/applications/${draft.id}/withdrawal`).json({}).withCsrfToken(),
    ]
    for (const request of requests) {
      const response = await request.loginAs(stranger)
      response.assertStatus(404)
    }
  })

  test('a reviewer without rights gets 404, an officer can look but not edit (403)', async ({
    client,
  }) => {
    const call = await openCallOf()
    const owner = await userWithRoles('applicant')
    const draft = await draftOf(owner, call)
    const reviewer = await userWithRoles('reviewer')
    const hidden = await client.get(`/applications/${draft.id}`).loginAs(reviewer)
    hidden.assertStatus(404)

    const officer = await userWithRoles('programme_officer')
    const visible = await client.get(`/applications/${draft.id}`).loginAs(officer)
    visible.assertStatus(200)
    const editing = await client.get(`/applications/${draft.id}/edit`).loginAs(officer)
    editing.assertStatus(403)
    const write = await client
      .put(`/applications/${draft.id}`)
      .accept('json')
      .json({ answers: { project: { name: 'By the officer' } } })
      .loginAs(officer)
      .withCsrfToken()
    write.assertStatus(403)
  })

  test('members of the organization share its application', async ({ client, assert }) => {
    const call = await openCallOf()
    const owner = await userWithRoles('applicant')
    const colleague = await userWithRoles('applicant')
    const startup = await OrganizationFactory.merge({ name: 'Tifawin Robotics' }).create()
    await db.table('organization_members').multiInsert([
      { organization_id: startup.id, user_id: owner.id, role: 'owner', created_at: new Date() },
      {
        organization_id: startup.id,
        user_id: colleague.id,
        role: 'member',
        created_at: new Date(),
      },
    ])
    const draft = await Application.create({
      callId: call.id,
      applicantId: owner.id,
      organizationId: startup.id,
      state: 'draft',
      answers: {},
    })
    const shared = await client.get(`/applications/${draft.id}`).loginAs(colleague)
    shared.assertStatus(200)
    const mine = await client.get('/applications').loginAs(colleague)
    mine.assertTextIncludes(startup.name)
    mine.assertTextIncludes('Brouillon')
    assert.notInclude(mine.text(), '@!')
  })

  test('signed out, every application route leads to the login page', async ({ client }) => {
    const response = await client.get('/applications').redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/login')
  })
})
