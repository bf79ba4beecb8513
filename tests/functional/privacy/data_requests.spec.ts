import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { signedUrlFor } from '@adonisjs/core/services/url_builder'
import { DateTime } from 'luxon'
import queue from '#core/services/queue'
import { UserFactory, userWithRoles } from '#database/factories/user_factory'
import DataRequest from '#privacy/models/data_request'
import DataExportMail from '#privacy/mails/data_export_mail'
import { BuildDataExport } from '#privacy/actions/build_data_export'
import { exportJobId } from '#privacy/actions/file_data_request'
import { captureMail, isolateEachTest } from '#tests/helpers/http'
import { readZip } from '#tests/helpers/zip_reader'
import { draftNaming, requestOf } from '#tests/functional/privacy/privacy_fixtures'

const parseBinary = (res: any, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = []
  res.on('data', (chunk: Buffer) => chunks.push(chunk))
  res.on('end', () => done(null, Buffer.concat(chunks)))
}

const exportUrl = (requestId: number) =>
  signedUrlFor(
    'privacy_exports.show',
    { id: requestId },
    { expiresIn: '7 days', purpose: 'data_export' }
  )

test.group('Data requests: export (law 09-08 right of access)', (group) => {
  isolateEachTest(group)

  test('a person downloads a zip of their own data and files, and nobody else’s', async ({
    client,
    assert,
  }) => {
    const mails = captureMail()
    const [person, other] = await UserFactory.createMany(2)
    const { cin } = await draftNaming(person)
    await draftNaming(other)

    const filed = await client
      .post('/privacy/requests')
      .form({ kind: 'export' })
      .loginAs(person)
      .withCsrfToken()
      .redirects(0)
    filed.assertStatus(302)
    const request = await DataRequest.query().where('user_id', person.id).firstOrFail()
    assert.equal(request.kind, 'export')
    assert.equal(
      request.dueOn.toISODate(),
      DateTime.now().setZone('Africa/Casablanca').startOf('day').plus({ days: 30 }).toISODate()
    )
    const job = await queue.queue().getJob(exportJobId(request.id))
    assert.equal(job?.name, 'privacy.build_export')

    // What the worker does (twice: a redelivered job changes nothing).
    await new BuildDataExport().handle(request.id)
    await new BuildDataExport().handle(request.id)
    await request.refresh()
    assert.equal(request.state, 'ready')
    assert.isTrue(request.expiresAt! > DateTime.utc().plus({ days: 6 }))
    const sent = mails.queued((mail) => mail instanceof DataExportMail)
    assert.lengthOf(sent, 1)

    const download = await client
      .get(exportUrl(request.id))
      .loginAs(person)
      .setup((pending: any) => {
        pending.request.buffer(true).parse(parseBinary)
      })
    download.assertStatus(200)
    assert.equal(download.header('content-type'), 'application/zip')
    assert.equal(download.header('cache-control'), 'private, no-store')
    const files = readZip(download.body() as Buffer)
    const data = JSON.parse(files.get('data.json')!.toString('utf8'))
    assert.equal(data.profile.email, person.email)
    assert.equal(data.applications[0].answers.identity.cin, cin)
    const cv = [...files.keys()].find((name) => name.startsWith('files/'))!
    assert.include(files.get(cv)!.toString(), person.fullName)
    const everything = [...files.values()].map((bytes) => bytes.toString('utf8')).join('\n')
    assert.notInclude(everything, other.fullName)
    assert.notInclude(everything, other.email)
    assert.notInclude(everything, 'token_hash')
    assert.notInclude(everything, 'password')
  })

  test('the link needs its signature and the person it belongs to', async ({ client, assert }) => {
    const [person, other] = await UserFactory.createMany(2)
    const request = await requestOf(person, 'export')
    await new BuildDataExport().handle(request.id)

    const asOther = await client.get(exportUrl(request.id)).loginAs(other)
    asOther.assertStatus(404)
    const unsigned = await client.get(`/privacy/exports/${request.id}`).loginAs(person)
    unsigned.assertStatus(404)
    const anonymous = await client.get(exportUrl(request.id)).redirects(0)
    anonymous.assertStatus(302)
    assert.match(anonymous.header('location') ?? '', /^\/login/)

    await db
      .from('data_requests')
      .where('id', request.id)
      .update({ expires_at: DateTime.utc().minus({ minutes: 1 }).toJSDate() })
    const expired = await client.get(exportUrl(request.id)).loginAs(person)
    expired.assertStatus(404)
  })

  test('a second request of the same kind while one is open is refused, not duplicated', async ({
    client,
    assert,
  }) => {
    const person = await UserFactory.create()
    for (let attempt = 0; attempt < 2; attempt++) {
      await client
        .post('/privacy/requests')
        .form({ kind: 'erasure' })
        .header('Referer', '/privacy')
        .loginAs(person)
        .withCsrfToken()
        .redirects(0)
    }
    const [row] = await db.from('data_requests').where('user_id', person.id).count('* as n')
    assert.equal(Number(row.n), 1)
    const bad = await client
      .post('/privacy/requests')
      .form({ kind: 'everything' })
      .header('Referer', '/privacy')
      .loginAs(person)
      .withCsrfToken()
      .redirects(0)
    bad.assertStatus(302)
  })
})

test.group('Data requests: the admins’ queue and erasure', (group) => {
  isolateEachTest(group)

  test('admins see open requests, late ones first, with their legal deadline', async ({
    client,
    assert,
  }) => {
    const admin = await userWithRoles('admin')
    const [early, late] = await UserFactory.createMany(2)
    await requestOf(early, 'erasure', 20)
    await requestOf(late, 'export', -3)

    const page = await client.get('/admin/privacy/requests').loginAs(admin)
    page.assertStatus(200)
    const html = page.text()
    assert.isBelow(html.indexOf(late.email), html.indexOf(early.email))
    assert.include(html, 'En retard')
    const erasures = await client.get('/admin/privacy/requests?kind=erasure').loginAs(admin)
    assert.notInclude(erasures.text(), late.email)
  })

  test('only admins open the queue or execute an erasure', async ({ client, assert }) => {
    const person = await UserFactory.create()
    const request = await requestOf(person, 'erasure')
    for (const role of ['applicant', 'programme_officer', 'finance_officer'] as const) {
      const user = await userWithRoles(role)
      const queuePage = await client.get('/admin/privacy/requests').loginAs(user)
      queuePage.assertStatus(403)
      const execute = await client
        .post(`/admin/privacy/requests/${request.id}/erasure`)
        .loginAs(user)
        .withCsrfToken()
      execute.assertStatus(403)
    }
    await request.refresh()
    assert.equal(request.state, 'pending')
  })

  test('an admin executes an erasure from the queue, audited', async ({ client, assert }) => {
    const admin = await userWithRoles('admin')
    const person = await UserFactory.create()
    const request = await requestOf(person, 'erasure')

    const response = await client
      .post(`/admin/privacy/requests/${request.id}/erasure`)
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertFlashMessage('success', 'La personne a été effacée (pseudonymisée).')
    await person.refresh()
    assert.equal(person.email, `erased-${person.id}@invalid`)
    const audit = await db.from('audit_logs').where('action', 'user.erased').firstOrFail()
    assert.equal(audit.actor_id, admin.id)

    // The erased person's sessions end: their session cookie no longer signs anyone in.
    const afterwards = await client.get('/privacy').loginAs(person).redirects(0)
    afterwards.assertStatus(302)
    assert.match(afterwards.header('location') ?? '', /^\/login/)
  })
})

test.group('Consents', (group) => {
  isolateEachTest(group)

  test('the processing consent cannot be withdrawn while an application is in process', async ({
    client,
    assert,
  }) => {
    const person = await UserFactory.create()
    await db
      .table('user_consents')
      .insert({ user_id: person.id, purpose: 'processing', granted_at: new Date() })
    const { application } = await draftNaming(person)
    application.state = 'submitted'
    await application.save()

    const refused = await client
      .delete('/privacy/consents/processing')
      .header('Referer', '/privacy')
      .loginAs(person)
      .withCsrfToken()
      .redirects(0)
    refused.assertFlashMessage(
      'error',
      "Vous avez une candidature ou une inscription en cours : ce consentement est nécessaire pour la traiter. Retirez-la d'abord, ou attendez la décision."
    )
    const consent = await db.from('user_consents').where('user_id', person.id).firstOrFail()
    assert.isNull(consent.withdrawn_at)

    application.state = 'withdrawn'
    await application.save()
    await client.delete('/privacy/consents/processing').loginAs(person).withCsrfToken().redirects(0)
    const withdrawn = await db.from('user_consents').where('user_id', person.id).firstOrFail()
    assert.isNotNull(withdrawn.withdrawn_at)
    const audit = await db
      .from('audit_logs')
      .where({ action: 'consent.withdrawn', subject_id: String(person.id) })
      .firstOrFail()
    assert.deepEqual(audit.metadata, { purpose: 'processing' })
  })

  test('the optional consent is given and withdrawn at will, and shown dated', async ({
    client,
    assert,
  }) => {
    const person = await UserFactory.create()
    await client
      .post('/privacy/consents/programme_news')
      .loginAs(person)
      .withCsrfToken()
      .redirects(0)
    const page = await client.get('/privacy').loginAs(person)
    assert.include(page.text(), 'Donné le')
    await client
      .delete('/privacy/consents/programme_news')
      .loginAs(person)
      .withCsrfToken()
      .redirects(0)
    const consent = await db
      .from('user_consents')
      .where({ user_id: person.id, purpose: 'programme_news' })
      .firstOrFail()
    assert.isNotNull(consent.withdrawn_at)
    const unknown = await client
      .delete('/privacy/consents/everything')
      .loginAs(person)
      .withCsrfToken()
      .redirects(0)
    unknown.assertStatus(404)
  })

  test('sign-up records the processing consent, dated', async ({ client, assert }) => {
    await client
      .post('/signup')
      .form({
        fullName: 'Salma Idrissi',
        email: 'salma.consent@example.ma',
        password: 'a long enough passphrase',
        passwordConfirmation: 'a long enough passphrase',
        accountType: 'applicant',
        consent: 'on',
      })
      .withCsrfToken()
      .redirects(0)
    const user = await db.from('users').where('email', 'salma.consent@example.ma').firstOrFail()
    const consent = await db.from('user_consents').where('user_id', user.id).firstOrFail()
    assert.equal(consent.purpose, 'processing')
    assert.isNull(consent.withdrawn_at)
  })
})

test.group('Privacy pages', (group) => {
  isolateEachTest(group)

  test('the privacy page lists my requests and links to the profile for rectification', async ({
    client,
    assert,
  }) => {
    const person = await UserFactory.create()
    await requestOf(person, 'erasure')
    const page = await client.get('/privacy').loginAs(person)
    page.assertStatus(200)
    assert.include(page.text(), 'href="/profile"')
    assert.include(page.text(), 'Effacement')
    assert.include(page.text(), 'En attente')
    const anonymous = await client.get('/privacy').redirects(0)
    anonymous.assertStatus(302)
  })

  test('the privacy pages are fully translated in the four languages', async ({
    client,
    assert,
  }) => {
    const admin = await userWithRoles('admin')
    const person = await UserFactory.create()
    await requestOf(person, 'erasure')
    const exported = await requestOf(person, 'export')
    await new BuildDataExport().handle(exported.id)
    await db
      .table('user_consents')
      .insert({ user_id: person.id, purpose: 'processing', granted_at: new Date() })
    for (const locale of ['fr', 'ar', 'zgh', 'en']) {
      // A signed-in person reads the portal in their profile's language.
      await db
        .from('users')
        .whereIn('id', [admin.id, person.id])
        .update({ preferred_locale: locale })
      for (const [path, user] of [
        ['/privacy', person],
        ['/admin/privacy/requests?state=all', admin],
        ['/privacy/register', person],
      ] as const) {
        const page = await client.get(path).header('Accept-Language', locale).loginAs(user)
        page.assertStatus(200)
        assert.include(page.text(), `<html lang="${locale}"`, path)
        assert.notInclude(page.text(), 'translation missing', `${locale} ${path}`)
      }
    }
  })

  test('the register of processing is public, in four languages, from the retention config', async ({
    client,
    assert,
  }) => {
    const expectations = {
      fr: ['Registre des traitements', '1825 jours'],
      en: ['Register of processing', '1825 days'],
      ar: ['سجل المعالجات', '1825'],
      zgh: ['ⴰⵎⵓⵙⵙⵓ ⵏ ⵜⵎⵀⵍⵉⵏ', '1825'],
    }
    for (const [locale, texts] of Object.entries(expectations)) {
      const page = await client.get('/privacy/register').header('Accept-Language', locale)
      page.assertStatus(200)
      for (const text of texts) assert.include(page.text(), text)
    }
  })

  test('every form page links to the privacy notice', async ({ client, assert }) => {
    const person = await userWithRoles('applicant', 'trainee')
    const { application } = await draftNaming(person)
    for (const path of ['/signup', '/login']) {
      const page = await client.get(path)
      assert.include(page.text(), 'href="/privacy/register"', path)
    }
    for (const path of [`/applications/${application.id}`, '/training', '/profile']) {
      const page = await client.get(path).loginAs(person)
      page.assertStatus(200)
      assert.include(page.text(), 'href="/privacy/register"', path)
    }
  })
})
