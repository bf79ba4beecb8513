import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { userWithRoles } from '#database/factories/user_factory'
import { isolateEachTest } from '#tests/helpers/http'
import { countQueries } from '#tests/helpers/queries'
import { miniatureCountry } from '#tests/functional/reporting/scoreboard_fixtures'

async function memberOf(organizationId: number) {
  const member = await userWithRoles('applicant')
  await db.table('organization_members').insert({
    organization_id: organizationId,
    user_id: member.id,
    role: 'member',
    created_at: new Date(),
  })
  return member
}

test.group('Startup continuum', (group) => {
  isolateEachTest(group)

  test('a member follows the journey from early stage to growth, with the indicators', async ({
    client,
    assert,
  }) => {
    const { org1, org1Early } = await miniatureCountry()
    const member = await memberOf(org1.id)
    member.preferredLocale = 'en'
    await member.save()
    const response = await client.get(`/organizations/${org1.id}/continuum`).loginAs(member)
    response.assertStatus(200)
    const html = response.text()
    assert.include(html, `Journey of ${org1.name}`)
    assert.include(html, org1Early.application.reference!)
    // Early stage and growth reached, in the continuum's order.
    assert.match(html, /<li class="reached">\s*<strong>Early stage<\/strong>/)
    assert.match(html, /<li class="reached">\s*<strong>Growth<\/strong>/)
    assert.match(html, /<li class="">\s*<strong>Ideation<\/strong>/)
    assert.isBelow(html.indexOf('>Early stage</td>'), html.indexOf('>Growth</td>'))
    // The one report of org1's agreement: 3 jobs, 1 000 000 MAD raised, 1 woman of 5.
    assert.include(html, 'Cumulative jobs created by period')
    assert.match(html, /<td class="numeric">3<\/td>\s*<td class="numeric">3<\/td>/)
    // Another startup's application is not in it.
    const other = await db
      .from('applications')
      .whereNot('organization_id', org1.id)
      .whereNotNull('reference')
      .firstOrFail()
    assert.notInclude(html, other.reference)
  })

  test('officers and admins see it; outsiders and other roles get a 404', async ({ client }) => {
    const { org1 } = await miniatureCountry()
    for (const role of ['programme_officer', 'admin'] as const) {
      const response = await client
        .get(`/organizations/${org1.id}/continuum`)
        .loginAs(await userWithRoles(role))
      response.assertStatus(200)
    }
    for (const role of ['applicant', 'ministry', 'finance_officer', 'reviewer'] as const) {
      const response = await client
        .get(`/organizations/${org1.id}/continuum`)
        .loginAs(await userWithRoles(role))
      response.assertStatus(404)
    }
    const unknown = await client
      .get('/organizations/999999/continuum')
      .loginAs(await userWithRoles('programme_officer'))
    unknown.assertStatus(404)
    const anonymous = await client.get(`/organizations/${org1.id}/continuum`).redirects(0)
    anonymous.assertStatus(302)
    anonymous.assertHeader('location', '/login')
  })

  test('the page takes a fixed number of queries, whatever the history', async ({
    client,
    assert,
  }) => {
    const { org1 } = await miniatureCountry()
    const officer = await userWithRoles('programme_officer')
    const { queries } = await countQueries(async () => {
      const response = await client.get(`/organizations/${org1.id}/continuum`).loginAs(officer)
      response.assertStatus(200)
    })
    // The signed-in user, the organization, then applications, agreements and reports.
    assert.isAtMost(queries.length, 5)
  })
})
