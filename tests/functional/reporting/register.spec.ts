import { test } from '@japa/runner'
import type { Group } from '@japa/runner/core'
import db from '@adonisjs/lucid/services/db'
import env from '#start/env'
import { DateTime } from 'luxon'
import OpenDataRelease from '#reporting/register/models/open_data_release'
import { SweepReleases } from '#reporting/register/actions/sweep_releases'
import { IssueRelease } from '#reporting/register/actions/issue_release'
import { cutOffOf } from '#reporting/register/register_pages'
import { AwardCall } from '#reviews/actions/award_call'
import { openApiDocument } from '#applications/openapi'
import { Money } from '#core/money'
import User from '#identity/models/user'
import { ErasePerson } from '#privacy/actions/erase_person'
import { requestOf } from '#tests/functional/privacy/privacy_fixtures'
import { scoredApplication, callInReview } from '#database/factories/decision_factory'
import { agreementFor } from '#database/factories/agreement_factory'
import { userWithRoles } from '#database/factories/user_factory'
import { captureMail, isolateEachTest } from '#tests/helpers/http'
import { countQueries } from '#tests/helpers/queries'
import { expectStatus } from '#tests/functional/reviews/decision_fixtures'
import { schemaProblems } from '#tests/helpers/json_schema'
import {
  awardAndPublish,
  decidedCall,
  giveOpenDataConsent,
  issue,
  traitsOf,
  validPackage,
} from '#tests/functional/reporting/register_fixtures'

/** Each test in its own transaction; decision mails captured, never sent. */
function isolateRegisterTests(group: Group) {
  isolateEachTest(group)
  group.each.setup(() => {
    captureMail()
  })
}

function issued(result: Awaited<ReturnType<typeof issue>>) {
  if (result.outcome !== 'issued') throw new Error(`expected a new release, got ${result.outcome}`)
  return result.release
}

test.group('Open-data register / releases', (group) => {
  isolateRegisterTests(group)

  test('a release names organisations and consenting people; the others are only in one total per call', async ({
    client,
    assert,
  }) => {
    const { call, company, consenting, secrets } = await decidedCall()
    const release = issued(await issue(call))

    const { body, problems } = validPackage(release)
    assert.deepEqual(problems, [])
    assert.equal(body.version, '1.4')
    assert.equal(body.downloadURL, `${env.get('APP_URL')}/open-data/releases/${release.id}.json`)
    const byRecipient = body.grants.map((grant: any) => [
      grant.recipientOrganization?.[0]?.name ?? grant.recipientIndividual.name,
      grant.amountAwarded,
    ])
    assert.deepEqual(byRecipient, [
      [company.name, 300_000],
      ['Salma Consentante', 200_000],
      ['Bénéficiaires individuels', 300_000],
    ])
    assert.equal(body.grants[2].title, '3 bénéficiaires individuels')
    assert.equal(release.grantCount, 3)
    assert.equal(release.awardedCentimes, 80_000_000)
    assert.deepEqual(release.namedUserIds, [consenting.id])

    // The whole of both files, as stored and as served: no trace of the others.
    const json = await client.get(`/open-data/releases/${release.id}.json`)
    const csv = await client.get(`/open-data/releases/${release.id}.csv`)
    json.assertStatus(200)
    csv.assertStatus(200)
    for (const text of [release.jsonBody, release.csvBody, json.text(), csv.text()]) {
      assert.include(text, 'Salma Consentante')
      for (const { user, cin } of secrets) {
        for (const trait of traitsOf(user, cin)) assert.notInclude(text, trait)
      }
    }
    const lines = release.csvBody.trimEnd().split('\r\n')
    assert.lengthOf(lines, 4)
    assert.include(lines[0], '"Identifier","Title","Description","Currency","Amount Awarded"')
    assert.include(lines[1], `"360G-manassa-${call.id}-`)
    assert.include(lines[1], `"${company.name}"`)
    assert.include(lines[3], `"360G-manassa-${call.id}-individuals"`)
    assert.include(lines[3], '"300000.00"')
  })

  test('the files are served as stored, with an ETag; new decisions change nothing until a new release', async ({
    client,
    assert,
  }) => {
    const { call } = await decidedCall()
    const first = issued(await issue(call))
    const response = await client.get(`/open-data/releases/${first.id}.json`)
    response.assertStatus(200)
    response.assertHeader('content-type', 'application/json; charset=utf-8')
    response.assertHeader('cache-control', 'public, max-age=300, must-revalidate')
    assert.notExists(response.header('set-cookie'))
    const etag = response.header('etag')
    assert.equal(etag, first.etag('json'))
    const again = await client
      .get(`/open-data/releases/${first.id}.json`)
      .header('If-None-Match', first.etag('json'))
    again.assertStatus(304)

    // A late application is decided and published: 50 000 MAD, an individual.
    await scoredApplication(call, { score: 95, amountMad: 50_000 })
    await awardAndPublish(call)
    const unchanged = await client.get(`/open-data/releases/${first.id}.json`)
    assert.equal(unchanged.text(), first.jsonBody)
    const unchangedCsv = await client.get(`/open-data/releases/${first.id}.csv`)
    assert.equal(unchangedCsv.text(), first.csvBody)
    const latest = await client.get(`/open-data/calls/${call.id}/latest`).redirects(0)
    latest.assertStatus(302)
    latest.assertHeader('location', `/open-data/releases/${first.id}.json`)

    const second = issued(await issue(call))
    assert.equal(second.sequence, 2)
    assert.deepEqual(validPackage(second).problems, [])
    const total = JSON.parse(second.jsonBody).grants.at(-1)
    assert.equal(total.amountAwarded, 350_000)
    const stillFirst = await client.get(`/open-data/releases/${first.id}.json`)
    assert.equal(stillFirst.text(), first.jsonBody)
    const moved = await client.get(`/open-data/calls/${call.id}/latest`).redirects(0)
    moved.assertHeader('location', `/open-data/releases/${second.id}.json`)

    // Nothing changed since: a second run (a job delivered twice) issues nothing.
    const repeat = await issue(call)
    assert.equal(repeat.outcome, 'unchanged')
    assert.equal(await releaseCount(call.id), 2)
    await expectStatus(client.get('/open-data/releases/99999999.json'), 404)
    await expectStatus(client.get('/open-data/releases/99999999999.csv'), 404)
    await expectStatus(client.get('/open-data/releases/0x10.json'), 404)
  })

  test('a withdrawn consent retracts at once every release naming the person; the next counts them in the total', async ({
    client,
    assert,
  }) => {
    const { call, consenting } = await decidedCall()
    const first = issued(await issue(call))
    assert.include(first.jsonBody, 'Salma Consentante')

    const withdrawal = await client
      .delete('/privacy/consents/open_data_publication')
      .loginAs(consenting)
      .withCsrfToken()
      .redirects(0)
    withdrawal.assertStatus(302)

    for (const format of ['json', 'csv']) {
      const gone = await client.get(`/open-data/releases/${first.id}.${format}`)
      gone.assertStatus(410)
      assert.notInclude(gone.text(), 'Salma')
    }
    await expectStatus(client.get(`/open-data/calls/${call.id}/latest`).redirects(0), 404)
    // Nor is the name kept in the database: the retracted release lost its bodies.
    const kept = await db
      .from('open_data_releases')
      .where('call_id', call.id)
      .where((query) => query.whereLike('json_body', '%Salma%').orWhereLike('csv_body', '%Salma%'))
      .count('* as n')
      .first()
    assert.equal(Number(kept.n), 0)
    const list = await client.get('/api/v1/open-data/releases').qs({ callId: call.id })
    assert.lengthOf(list.body().data, 0)

    const second = issued(await issue(call))
    assert.notInclude(second.jsonBody, 'Salma')
    assert.notInclude(second.csvBody, 'Salma')
    assert.deepEqual(second.namedUserIds, [])
    const total = JSON.parse(second.jsonBody).grants.at(-1)
    assert.deepEqual([total.title, total.amountAwarded], ['4 bénéficiaires individuels', 500_000])
    assert.deepEqual(validPackage(second).problems, [])

    // Given again: named again from the next release.
    const given = await client
      .post('/privacy/consents/open_data_publication')
      .loginAs(consenting)
      .withCsrfToken()
      .redirects(0)
    given.assertStatus(302)
    const third = issued(await issue(call))
    assert.include(third.jsonBody, 'Salma Consentante')
    assert.deepEqual(third.namedUserIds, [consenting.id])
  })

  test('a person accepting an award may agree there to be named; without ticking, they are not', async ({
    client,
    assert,
  }) => {
    const call = await callInReview({ envelopeCentimes: 100_000_000 })
    const agreeing = await scoredApplication(call, { score: 90, amountMad: 100_000 })
    const silent = await scoredApplication(call, { score: 85, amountMad: 100_000 })
    await awardAndPublish(call)
    const [agreeingUser, silentUser] = await Promise.all(
      [agreeing, silent].map((application) => User.findOrFail(application.applicantId))
    )
    const page = await client.get(`/applications/${agreeing.id}/decision`).loginAs(agreeingUser)
    assert.include(page.text(), 'name="openDataConsent"')

    for (const [application, user, form] of [
      [agreeing, agreeingUser, { response: 'accepted', openDataConsent: 'true' }],
      [silent, silentUser, { response: 'accepted' }],
    ] as const) {
      const answered = await client
        .post(`/applications/${application.id}/decision/response`)
        .form(form)
        .loginAs(user)
        .withCsrfToken()
        .redirects(0)
      answered.assertStatus(302)
    }
    const release = issued(await issue(call))
    assert.include(release.jsonBody, agreeingUser.fullName)
    assert.notInclude(release.jsonBody, silentUser.fullName)
    assert.deepEqual(release.namedUserIds, [agreeingUser.id])
  })

  test('an older release naming someone who no longer consents is retracted by the next release', async ({
    assert,
  }) => {
    const { call, consenting } = await decidedCall()
    const first = issued(await issue(call))
    // Withdrawn behind the action's back (an import, an erasure): the next release catches it.
    await db
      .from('user_consents')
      .where({ user_id: consenting.id, purpose: 'open_data_publication' })
      .update({ withdrawn_at: new Date() })
    const second = issued(await issue(call))
    await first.refresh()
    await second.refresh()
    assert.isNotNull(first.retractedAt)
    assert.isNull(second.retractedAt)
  })

  test('an erasure retracts the releases naming the person; the next release does not name them', async ({
    assert,
  }) => {
    const { call, consenting } = await decidedCall()
    const first = issued(await issue(call))
    const request = await requestOf(consenting, 'erasure')
    const admin = await userWithRoles('admin')
    assert.equal(await new ErasePerson().handle(request.id, { id: admin.id }), 'completed')
    await first.refresh()
    assert.isNotNull(first.retractedAt)
    assert.deepEqual([first.jsonBody, first.csvBody], ['', ''])
    const second = issued(await issue(call))
    assert.notInclude(second.jsonBody, 'Salma')
    assert.deepEqual(second.namedUserIds, [])
  })

  test('a release is immutable in the database', async ({ assert }) => {
    const { call } = await decidedCall()
    const release = issued(await issue(call))
    // Each attempt in its own savepoint: a failed statement spoils the transaction it is in.
    await assert.rejects(
      () =>
        db.transaction((trx) =>
          trx.from('open_data_releases').where('id', release.id).update({ json_body: '{}' })
        ),
      /immutable/
    )
    await assert.rejects(
      () =>
        db.transaction((trx) => trx.from('open_data_releases').where('id', release.id).delete()),
      /never deleted/
    )
    // Its retraction is the one change recorded, once, emptying its bodies or not at all.
    await assert.rejects(
      () =>
        db.transaction((trx) =>
          trx
            .from('open_data_releases')
            .where('id', release.id)
            .update({ retracted_at: new Date(), json_body: '{"grants":[]}' })
        ),
      /immutable/
    )
    await db
      .from('open_data_releases')
      .where('id', release.id)
      .update({ retracted_at: new Date(), json_body: '', csv_body: '' })
    await assert.rejects(
      () =>
        db.transaction((trx) =>
          trx.from('open_data_releases').where('id', release.id).update({ retracted_at: null })
        ),
      /immutable/
    )
  })

  test('the sweep issues a release when tranches are paid, marked as a payments release', async ({
    assert,
  }) => {
    const { call, agreement, tranches, applicant } = await agreementFor({
      kind: 'living_grant',
      trancheStates: ['paid'],
    })
    await giveOpenDataConsent(applicant)
    const sweep = new SweepReleases(new IssueRelease())
    await sweep.handle()
    const first = await OpenDataRelease.query().where('call_id', call.id).firstOrFail()
    const grant = JSON.parse(first.jsonBody).grants[0]
    assert.deepEqual(
      [grant.recipientIndividual.name, grant.amountAwarded, grant.amountDisbursed],
      [applicant.fullName, 180_000, tranches[0].amountCentimes / 100]
    )
    assert.deepEqual(grant.plannedDates, [{ duration: 12 }])
    assert.deepEqual(validPackage(first).problems, [])

    // Nothing new: nothing issued.
    await sweep.handle()
    assert.equal(await releaseCount(call.id), 1)

    await db
      .from('tranches')
      .where('id', tranches[1].id)
      .update({ state: 'paid', paid_at: DateTime.utc().toJSDate() })
    await sweep.handle()
    const second = await OpenDataRelease.query()
      .where('call_id', call.id)
      .orderBy('sequence', 'desc')
      .firstOrFail()
    assert.equal(second.sequence, 2)
    assert.equal(second.reason, 'payments')
    assert.equal(second.disbursedCentimes, tranches[0].amountCentimes + tranches[1].amountCentimes)
    assert.equal(agreement.callId, call.id)
  })
})

test.group('Open-data register / officer releases', (group) => {
  isolateRegisterTests(group)

  test('an officer issues a release on demand; nobody else can', async ({ client, assert }) => {
    const { call, consenting } = await decidedCall()
    const url = `/staff/calls/${call.id}/open-data-releases`

    const guest = await client.post(url).withCsrfToken().redirects(0)
    guest.assertStatus(302)
    guest.assertHeader('location', '/login')
    for (const role of ['applicant', 'finance_officer', 'reviewer'] as const) {
      const other = await userWithRoles(role)
      await expectStatus(client.post(url).loginAs(other).withCsrfToken(), 403)
    }
    await expectStatus(client.post(url).loginAs(consenting).withCsrfToken(), 403)
    assert.equal(await releaseCount(call.id), 0)

    const officer = await userWithRoles('programme_officer')
    const done = await client.post(url).loginAs(officer).withCsrfToken().redirects(0)
    done.assertStatus(302)
    done.assertHeader('location', '/open-data')
    const release = await OpenDataRelease.query().where('call_id', call.id).firstOrFail()
    assert.equal(release.reason, 'officer')
    assert.equal(release.createdBy, officer.id)
    const audit = await db
      .from('audit_logs')
      .where({ action: 'open_data.release_issued', subject_id: String(call.id) })
      .first()
    assert.equal(audit.actor_id, officer.id)

    const missing = await client
      .post('/staff/calls/2147483000/open-data-releases')
      .loginAs(officer)
      .withCsrfToken()
    missing.assertStatus(404)
  })
})

test.group('Open-data register / cut-off page', (group) => {
  isolateRegisterTests(group)

  test('the cut-off figures are those of the published decisions, hand-computed', async ({
    client,
    assert,
  }) => {
    const { call } = await decidedCall()
    const cutOff = await cutOffOf(call.id)
    assert.deepInclude(cutOff!, {
      envelopeCentimes: 100_000_000,
      committedCentimes: 80_000_000,
      threshold: 60,
      ranked: 6,
      awarded: 5,
      declined: 0,
      waitlisted: 1,
      rejected: 1,
      lastAwardedScore: 65,
      firstWaitlistedScore: 70,
      awardBelowReserve: true,
    })
    const page = await client.get(`/open-data/calls/${call.id}/cut-off`)
    page.assertStatus(200)
    const text = page.text()
    assert.include(text, 'Comment la ligne de coupure a été tracée')
    assert.include(text, 'sa demande, plus petite, tenait dans le reste de l')
    for (const centimes of [100_000_000, 80_000_000]) {
      assert.include(text, Money.ofCentimes(centimes).format('fr'))
    }

    const english = await client
      .get(`/open-data/calls/${call.id}/cut-off`)
      .header('Accept-Language', 'en')
    assert.include(english.text(), 'How the cut-off line was drawn')
    const arabic = await client
      .get(`/open-data/calls/${call.id}/cut-off`)
      .header('Accept-Language', 'ar')
    assert.include(arabic.text(), 'dir="rtl"')
  })

  test('before any publication there is no cut-off page, whatever the preview says', async ({
    client,
  }) => {
    const call = await callInReview({ envelopeCentimes: 100_000_000 })
    await scoredApplication(call, { score: 90, amountMad: 100_000 })
    const officer = await userWithRoles('programme_officer')
    await new AwardCall().handle(call.id, { id: officer.id })
    await expectStatus(client.get(`/open-data/calls/${call.id}/cut-off`), 404)
    await expectStatus(client.get('/open-data/calls/2147483000/cut-off'), 404)
  })
})

test.group('Open-data register / index and API', (group) => {
  isolateRegisterTests(group)

  test('the index lists each call with its latest release, in a fixed number of queries', async ({
    client,
    assert,
  }) => {
    const calls = []
    for (let index = 0; index < 2; index++) {
      const { call } = await decidedCall()
      calls.push(call)
    }
    for (const call of calls) await issue(call)
    const few = await countQueries(() => client.get('/open-data'))
    few.result.assertStatus(200)
    for (let index = 0; index < 2; index++) {
      const { call } = await decidedCall()
      await issue(call)
      calls.push(call)
    }
    const many = await countQueries(() => client.get('/open-data'))
    assert.equal(many.queries.length, few.queries.length)
    const text = many.result.text()
    for (const call of calls) {
      const latest = await OpenDataRelease.query().where('call_id', call.id).firstOrFail()
      assert.include(text, `/open-data/releases/${latest.id}.json`)
      assert.include(text, `/open-data/calls/${call.id}/cut-off`)
    }
    // The officer's button only for officers.
    assert.notInclude(text, 'open-data-releases')
    const officer = await userWithRoles('programme_officer')
    const asOfficer = await client.get('/open-data').loginAs(officer)
    assert.include(asOfficer.text(), `/staff/calls/${calls[0].id}/open-data-releases`)

    for (const [locale, phrase] of [
      ['ar', 'البيانات المفتوحة'],
      ['zgh', 'ⵉⵙⵎⵉⵍⵏ ⵉⵕⵥⵎⵏ'],
      ['en', 'Open data: grants and payments'],
    ]) {
      const page = await client.get('/open-data').header('Accept-Language', locale)
      assert.include(page.text(), phrase)
    }
  })

  test('the API lists the served releases as the OpenAPI document describes them', async ({
    client,
    assert,
  }) => {
    const { call } = await decidedCall()
    const release = issued(await issue(call))
    const other = await decidedCall()
    await issue(other.call)

    const response = await client.get('/api/v1/open-data/releases').qs({ callId: call.id })
    response.assertStatus(200)
    const schema = (openApiDocument.paths['/open-data/releases'].get.responses as any)[200].content[
      'application/json'
    ].schema
    assert.deepEqual(schemaProblems(openApiDocument as any, schema, response.body()), [])
    assert.deepEqual(
      response.body().data.map((item: any) => [item.id, item.links.json]),
      [[release.id, `${env.get('APP_URL')}/open-data/releases/${release.id}.json`]]
    )
    const all = await client.get('/api/v1/open-data/releases')
    assert.isAtLeast(all.body().meta.total, 2)

    for (const callId of ['abc', '0', '99999999999']) {
      const refused = await client.get('/api/v1/open-data/releases').qs({ callId })
      refused.assertStatus(422)
      assert.equal(refused.body().errors[0].field, 'callId')
    }
  })
})

async function releaseCount(callId: number) {
  const row = await db.from('open_data_releases').where('call_id', callId).count('* as n').first()
  return Number(row.n)
}
