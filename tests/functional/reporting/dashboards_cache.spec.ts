import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { userWithRoles } from '#database/factories/user_factory'
import { isolateEachTest } from '#tests/helpers/http'
import { countQueries } from '#tests/helpers/queries'
import { refreshDashboards } from '#reporting/dashboards/refresh_dashboards'
import { dashboardFixture } from '#tests/functional/reporting/dashboard_fixtures'

/** The funnel table's "submitted" cell, as the page prints it. */
function submittedOf(html: string) {
  const funnel = html.slice(html.indexOf('data-table="funnel"'))
  return /<th scope="row">Soumises<\/th>\s*<td class="numeric">(\d+)<\/td>/.exec(funnel)?.[1]
}

const dashboardQueriesOf = (queries: string[]) => queries.filter((sql) => /dashboard_/.test(sql))

test.group('Dashboards: the cached page is exact', (group) => {
  isolateEachTest(group)

  test('a second reader gets the panels from the cache, with one query for the stamp', async ({
    client,
    assert,
  }) => {
    const { officer, callA } = await dashboardFixture()
    const first = await client.get('/staff/dashboards').qs({ call: callA.id }).loginAs(officer)
    first.assertStatus(200)
    const { result: second, queries } = await countQueries(() =>
      client.get('/staff/dashboards').qs({ call: callA.id }).loginAs(officer)
    )
    second.assertStatus(200)
    assert.lengthOf(dashboardQueriesOf(queries), 1)
    const panels = (html: string) => html.slice(html.indexOf('class="dashboard-panels'))
    assert.equal(panels(second.text()), panels(first.text()))
    assert.equal(submittedOf(second.text()), '8')
    assert.match(second.text(), /Données au \d/)
  })

  test('a refresh with new data shows the new figures at once', async ({ client, assert }) => {
    const { officer, callA } = await dashboardFixture()
    const before = await client.get('/staff/dashboards').qs({ call: callA.id }).loginAs(officer)
    assert.equal(submittedOf(before.text()), '8')

    await db
      .from('applications')
      .where('call_id', callA.id)
      .where('state', 'draft')
      .update({
        state: 'submitted',
        reference: 'DB-TEST-CACHE',
        form_version_id: db.raw('(SELECT id FROM form_versions WHERE call_id = ?)', [callA.id]),
        submitted_answers: '{}',
        submitted_at: new Date('2026-01-10T10:00:00Z'),
      })
    // Not refreshed yet: the rollups, so the page, still say 8.
    const stale = await client.get('/staff/dashboards').qs({ call: callA.id }).loginAs(officer)
    assert.equal(submittedOf(stale.text()), '8')

    // Same transaction, same now(): the refresh's id alone tells the new stamp apart.
    await refreshDashboards()
    const after = await client.get('/staff/dashboards').qs({ call: callA.id }).loginAs(officer)
    assert.equal(submittedOf(after.text()), '9')
  })

  test('locale, filters and role each have their own entry', async ({ client, assert }) => {
    const { officer, callA } = await dashboardFixture()
    const french = await client.get('/staff/dashboards').qs({ call: callA.id }).loginAs(officer)
    assert.equal(submittedOf(french.text()), '8')
    const region = await client
      .get('/staff/dashboards')
      .qs({ call: callA.id, region: 'oriental' })
      .loginAs(officer)
    assert.equal(submittedOf(region.text()), '3')
    await db.from('users').where('id', officer.id).update({ preferred_locale: 'en' })
    const english = await client
      .get('/staff/dashboards')
      .qs({ call: callA.id })
      .header('Accept-Language', 'en')
      .loginAs(officer)
    english.assertStatus(200)
    assert.include(french.text(), 'Soumises')
    assert.notInclude(english.text().slice(english.text().indexOf('dashboard-panels')), 'Soumises')

    const finance = await userWithRoles('finance_officer')
    const money = await client.get('/staff/dashboards').qs({ call: callA.id }).loginAs(finance)
    money.assertStatus(200)
    assert.notInclude(money.text(), 'data-table="funnel"')
    assert.notInclude(money.text(), 'Amina Reviewer')
  })
})
