import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import Organization from '#identity/models/organization'
import { OrganizationFactory } from '#database/factories/organization_factory'
import { UserFactory, userWithRoles } from '#database/factories/user_factory'
import { isolateEachTest } from '#tests/helpers/http'

async function organizationOwnedBy(ownerRole: 'owner' | 'member' = 'owner') {
  const owner = await UserFactory.create()
  const organization = await OrganizationFactory.create()
  await db.table('organization_members').insert({
    organization_id: organization.id,
    user_id: owner.id,
    role: ownerRole,
    created_at: new Date(),
  })
  return { owner, organization }
}

test.group('Organizations', (group) => {
  isolateEachTest(group)

  test('a founder registers a startup and becomes its owner', async ({ client, assert }) => {
    const founder = await UserFactory.create()
    const response = await client
      .post('/organizations')
      .form({
        kind: 'startup',
        name: 'Tifawin Robotics',
        rcNumber: '123456',
        ice: '001234567000089',
        foundedOn: '2025-01-15',
        region: 'fes_meknes',
        sector: 'robotics',
      })
      .loginAs(founder)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    const organization = await Organization.findByOrFail('name', 'Tifawin Robotics')
    assert.equal(organization.region, 'fes_meknes')
    const membership = await db
      .from('organization_members')
      .where({ organization_id: organization.id, user_id: founder.id })
      .first()
    assert.equal(membership.role, 'owner')
    response.assertHeader('location', `/organizations/${organization.id}`)
  })

  test('a startup needs its ICE (15 digits) and region; nothing is written otherwise', async ({
    client,
    assert,
  }) => {
    const founder = await UserFactory.create()
    const response = await client
      .post('/organizations')
      .accept('json')
      .json({ kind: 'startup', name: 'Half a startup', rcNumber: '1', ice: '12AB' })
      .loginAs(founder)
      .withCsrfToken()
    response.assertStatus(422)
    const fields = response.body().errors.map((error: { field: string }) => error.field)
    assert.includeMembers(fields, ['ice', 'region'])
    assert.isNull(await Organization.findBy('name', 'Half a startup'))
  })

  test("someone else's organization is a 404, for people and for admins it is visible", async ({
    client,
  }) => {
    const { organization } = await organizationOwnedBy()
    const stranger = await UserFactory.create()
    const hidden = await client.get(`/organizations/${organization.id}`).loginAs(stranger)
    hidden.assertStatus(404)

    const admin = await userWithRoles('admin')
    const visible = await client.get(`/organizations/${organization.id}`).loginAs(admin)
    visible.assertStatus(200)
    visible.assertTextIncludes(organization.name)
  })

  test('only an owner adds members; a member gets 403 and a stranger 404', async ({
    client,
    assert,
  }) => {
    const { owner, organization } = await organizationOwnedBy()
    const colleague = await UserFactory.create()
    const member = await UserFactory.create()
    await db.table('organization_members').insert({
      organization_id: organization.id,
      user_id: member.id,
      role: 'member',
      created_at: new Date(),
    })
    const stranger = await UserFactory.create()

    const byMember = await client
      .post(`/organizations/${organization.id}/members`)
      .form({ email: colleague.email })
      .loginAs(member)
      .withCsrfToken()
    byMember.assertStatus(403)
    const byStranger = await client
      .post(`/organizations/${organization.id}/members`)
      .form({ email: colleague.email })
      .loginAs(stranger)
      .withCsrfToken()
    byStranger.assertStatus(404)

    const byOwner = await client
      .post(`/organizations/${organization.id}/members`)
      .form({ email: colleague.email.toUpperCase() })
      .loginAs(owner)
      .withCsrfToken()
      .redirects(0)
    byOwner.assertStatus(302)
    const members = await db.from('organization_members').where('organization_id', organization.id)
    assert.sameMembers(
      members.map((row) => row.user_id),
      [owner.id, member.id, colleague.id]
    )
  })

  test('the organization page lists members in a fixed number of queries', async ({
    client,
    assert,
  }) => {
    const { owner, organization } = await organizationOwnedBy()
    const others = await UserFactory.createMany(15)
    await db.table('organization_members').multiInsert(
      others.map((user) => ({
        organization_id: organization.id,
        user_id: user.id,
        role: 'member',
        created_at: new Date(),
      }))
    )
    const { countQueries } = await import('#tests/helpers/queries')
    const { result, queries } = await countQueries(() =>
      client.get(`/organizations/${organization.id}`).loginAs(owner)
    )
    result.assertStatus(200)
    assert.include(result.text(), others[14].fullName)
    assert.isAtMost(queries.length, 6, queries.join('\n'))
  })
})
