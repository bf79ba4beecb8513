import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { userWithRoles } from '#database/factories/user_factory'
import { isolateEachTest } from '#tests/helpers/http'
import { assuranceOf } from '#tests/helpers/assurance'
import { countQueries } from '#tests/helpers/queries'
import { SUDO_WINDOW_MS } from '#identity/second_factor/assurance'
import { UTF8_BOM } from '#core/csv'
import { dashboardFixture } from '#tests/functional/reporting/dashboard_fixtures'

test.group('Dashboards: pages, exports and who may see them', (group) => {
  isolateEachTest(group)

  test('an officer sees every panel as an SVG chart with its table, and the data stamp', async ({
    client,
    assert,
  }) => {
    const { officer, callA } = await dashboardFixture()
    const response = await client.get('/staff/dashboards').qs({ call: callA.id }).loginAs(officer)
    response.assertStatus(200)
    const html = response.text()
    for (const key of [
      'funnel',
      'region',
      'stage',
      'gender',
      'age_band',
      'organisation_type',
      'language',
      'appeals',
      'durations',
      'money',
      'reviewers',
    ]) {
      assert.include(html, `data-table="${key}"`, key)
      assert.include(html, `aria-labelledby="chart-${key}-title chart-${key}-desc"`, key)
    }
    assert.match(html, /Données au \d/)
    assert.include(html, '<bdi dir="auto">Amina Reviewer</bdi>')
    // The funnel's table: 9 drafts, 8 submitted (88,9 %).
    const funnel = html.slice(html.indexOf('data-table="funnel"'))
    assert.match(
      funnel,
      /<th scope="row">Soumises<\/th>\s*<td class="numeric">8<\/td>\s*<td class="numeric">88,9\s%<\/td>/
    )
    assert.include(html, `/staff/dashboards/export?call=${callA.id}&amp;table=funnel`)
  })

  test('the page keeps to a fixed number of queries whatever the data', async ({
    client,
    assert,
  }) => {
    const { officer, callA } = await dashboardFixture()
    const { result, queries } = await countQueries(() =>
      client.get('/staff/dashboards').qs({ call: callA.id, region: 'oriental' }).loginAs(officer)
    )
    result.assertStatus(200)
    const dashboardQueries = queries.filter((sql) => /dashboard_/.test(sql))
    assert.lengthOf(dashboardQueries, 5)
    assert.isFalse(queries.some((sql) => /\bfrom "?(reviews|ledger_entries|tranches)\b/i.test(sql)))
  })

  test('a finance officer sees the money panels only', async ({ client, assert }) => {
    const { callA } = await dashboardFixture()
    const finance = await userWithRoles('finance_officer')
    const response = await client.get('/staff/dashboards').qs({ call: callA.id }).loginAs(finance)
    response.assertStatus(200)
    const html = response.text()
    assert.include(html, 'data-table="money"')
    assert.include(html, 'data-table="durations"')
    assert.notInclude(html, 'data-table="funnel"')
    assert.notInclude(html, 'data-table="reviewers"')
    assert.notInclude(html, 'Amina Reviewer')

    const funnel = await client
      .get('/staff/dashboards/export')
      .qs({ table: 'funnel', call: callA.id })
      .loginAs(finance)
    funnel.assertStatus(403)
    const money = await client
      .get('/staff/dashboards/export')
      .qs({ table: 'money', call: callA.id })
      .loginAs(finance)
    money.assertStatus(200)
  })

  test('other roles are refused and strangers sent to sign in', async ({ client, assert }) => {
    for (const role of ['applicant', 'reviewer', 'trainee', 'institute_coordinator'] as const) {
      const user = await userWithRoles(role)
      for (const url of [
        '/staff/dashboards',
        '/staff/dashboards/export?table=money',
        '/staff/dashboards/reviewers.csv',
      ]) {
        const response = await client.get(url).loginAs(user).redirects(0)
        assert.equal(response.status(), 403, `${role} ${url}`)
      }
    }
    const finance = await userWithRoles('finance_officer')
    const reviewers = await client.get('/staff/dashboards/reviewers.csv').loginAs(finance)
    reviewers.assertStatus(403)
    for (const url of ['/staff/dashboards', '/staff/dashboards/export?table=funnel']) {
      const response = await client.get(url).redirects(0)
      assert.equal(response.status(), 302, url)
      assert.match(response.header('location') ?? '', /^\/login/)
    }
  })

  test('a table exports as CSV with the headers in the reader’s language', async ({
    client,
    assert,
  }) => {
    const { officer, callA } = await dashboardFixture()
    await db.from('users').where('id', officer.id).update({ preferred_locale: 'ar' })
    const response = await client
      .get('/staff/dashboards/export')
      .qs({ table: 'region', call: callA.id })
      .header('Accept-Language', 'ar')
      .loginAs(officer)
    response.assertStatus(200)
    assert.match(response.header('content-type') ?? '', /^text\/csv/)
    assert.match(response.header('content-disposition') ?? '', /dashboard-region-call-\d+\.csv/)
    const lines = response.text().replace(UTF8_BOM, '').trim().split('\r\n')
    assert.equal(lines[0], '"الجهة","الترشيحات","المودعة","المؤهلة","الفائزة","نسبة الانتقاء"')
    assert.include(lines, '"سوس - ماسة","5","4","2","1","25.0"')
    assert.equal(lines.at(-1), '"المجموع","9","8","5","3","37.5"')
  })

  test('money exports in MAD decimals, month by month', async ({ client, assert }) => {
    const { officer, callA } = await dashboardFixture()
    const response = await client
      .get('/staff/dashboards/export')
      .qs({ table: 'money', call: callA.id })
      .loginAs(officer)
    response.assertStatus(200)
    const lines = response.text().replace(UTF8_BOM, '').trim().split('\r\n')
    assert.deepEqual(lines, [
      '"Mois","Engagé","Décaissé","Restant"',
      '"2026-02","50000.00","20000.00","950000.00"',
      '"2026-03","230000.00","90000.00","770000.00"',
    ])
  })

  test('the reviewers’ CSV names people: sudo first, and audited', async ({ client, assert }) => {
    const { officer, callA } = await dashboardFixture()
    const stale = await client
      .get('/staff/dashboards/reviewers.csv')
      .qs({ call: callA.id })
      .loginAs(officer)
      .withSession(assuranceOf(officer, { confirmedAt: Date.now() - SUDO_WINDOW_MS - 60_000 }))
      .redirects(0)
    assert.match(stale.header('location') ?? '', /^\/sudo/)

    const response = await client
      .get('/staff/dashboards/reviewers.csv')
      .qs({ call: callA.id })
      .loginAs(officer)
    response.assertStatus(200)
    const lines = response.text().replace(UTF8_BOM, '').trim().split('\r\n')
    assert.equal(lines[1], '"Amina Reviewer","3","2","1","1","4"')
    const audit = await db
      .from('audit_logs')
      .where('action', 'dashboard.reviewers_exported')
      .where('actor_id', officer.id)
      .firstOrFail()
    assert.equal(audit.subject_id, String(callA.id))
    assert.equal(audit.metadata.rowCount, 2)
  })

  test('bad filters answer 422 with the problems named, never a 500', async ({
    client,
    assert,
  }) => {
    const officer = await userWithRoles('programme_officer')
    const response = await client
      .get('/staff/dashboards')
      .qs({ from: '2026-13', call: 'abc', region: 'atlantis' })
      .loginAs(officer)
    response.assertStatus(422)
    const html = response.text()
    assert.include(html, 'Le champ mois de début doit être un mois au format AAAA-MM.')
    assert.include(html, 'Le champ appel doit être un nombre.')
    assert.include(html, 'value="2026-13"')

    const csv = await client
      .get('/staff/dashboards/export')
      .qs({ table: 'secrets' })
      .loginAs(officer)
      .redirects(0)
    assert.oneOf(csv.status(), [302, 422])
  })

  test('the officer dashboard links to the dashboards', async ({ client, assert }) => {
    const officer = await userWithRoles('programme_officer')
    const response = await client.get('/dashboard').loginAs(officer)
    response.assertStatus(200)
    assert.include(response.text(), 'href="/staff/dashboards"')
    const applicant = await userWithRoles('applicant')
    const other = await client.get('/dashboard').loginAs(applicant)
    assert.notInclude(other.text(), 'href="/staff/dashboards"')
  })
})
