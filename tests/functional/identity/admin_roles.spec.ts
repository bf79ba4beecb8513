import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import Institute from '#training/models/institute'
import { UserFactory, userWithRoles } from '#database/factories/user_factory'
import { isolateEachTest } from '#tests/helpers/http'
import { countQueries } from '#tests/helpers/queries'
import { ROLES } from '#identity/roles'

test.group('Admin: staff roles', (group) => {
  isolateEachTest(group)

  test('every role but admin gets 403 on each admin page', async ({ client, assert }) => {
    const target = await UserFactory.create()
    const routes = [
      ['get', '/admin/users'],
      ['get', `/admin/users/${target.id}/roles`],
      ['put', `/admin/users/${target.id}/roles`],
      ['get', '/admin/audit'],
    ] as const
    for (const role of ROLES.filter((candidate) => candidate !== 'admin')) {
      const user = await userWithRoles(role)
      for (const [method, url] of routes) {
        const response = await client
          .request(url, method.toUpperCase() as 'GET' | 'PUT')
          .form({ roles: ['admin'] })
          .loginAs(user)
          .withCsrfToken()
        assert.equal(response.status(), 403, `${role} ${method.toUpperCase()} ${url}`)
      }
    }
    await target.refresh()
    assert.deepEqual(target.roles, ['applicant'], 'nobody granted themselves anything')
  })

  test('guests are sent to the login page', async ({ client }) => {
    const response = await client.get('/admin/users').redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/login')
  })

  test('an admin grants staff roles; the change is audited with before and after', async ({
    client,
    assert,
  }) => {
    const admin = await userWithRoles('admin')
    const person = await UserFactory.create()
    const response = await client
      .put(`/admin/users/${person.id}/roles`)
      .form({ roles: ['applicant', 'reviewer', 'programme_officer'] })
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    await person.refresh()
    assert.sameMembers(person.roles, ['applicant', 'reviewer', 'programme_officer'])

    const entry = await db
      .from('audit_logs')
      .where({ action: 'user.roles_changed', subject_id: String(person.id) })
      .first()
    assert.equal(entry.actor_id, admin.id)
    assert.deepEqual(entry.metadata.before, ['applicant'])
    assert.sameMembers(entry.metadata.after, ['applicant', 'reviewer', 'programme_officer'])
  })

  test('an institute coordinator needs an institute; an admin cannot drop their own admin role', async ({
    client,
    assert,
  }) => {
    const admin = await userWithRoles('admin')
    const person = await UserFactory.create()
    const missing = await client
      .put(`/admin/users/${person.id}/roles`)
      .form({ roles: ['institute_coordinator'] })
      .header('Referer', `/admin/users/${person.id}/roles`)
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    missing.assertFlashMessage(
      'error',
      "Un coordinateur d'institut doit être rattaché à un institut."
    )
    await person.refresh()
    assert.deepEqual(person.roles, ['applicant'])

    const institute = await Institute.create({
      name: 'Institut Jazari Oriental',
      city: 'Oujda',
      region: 'oriental',
    })
    await client
      .put(`/admin/users/${person.id}/roles`)
      .form({ roles: ['institute_coordinator'], instituteId: String(institute.id) })
      .loginAs(admin)
      .withCsrfToken()
    await person.refresh()
    assert.deepEqual(person.roles, ['institute_coordinator'])
    assert.equal(person.instituteId, institute.id)

    const self = await client
      .put(`/admin/users/${admin.id}/roles`)
      .form({ roles: ['reviewer'] })
      .header('Referer', '/admin/users')
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    self.assertFlashMessage(
      'error',
      "Vous ne pouvez pas retirer votre propre rôle d'administrateur."
    )
    await admin.refresh()
    assert.include(admin.roles, 'admin')
  })

  test('an unknown role or user id is refused, never a 500', async ({ client, assert }) => {
    const admin = await userWithRoles('admin')
    const bad = await client
      .put(`/admin/users/${admin.id}/roles`)
      .accept('json')
      .json({ roles: ['admin', 'emperor'] })
      .loginAs(admin)
      .withCsrfToken()
    bad.assertStatus(422)
    const missing = await client.get('/admin/users/999999/roles').loginAs(admin)
    missing.assertStatus(404)
    const garbage = await client.get('/admin/users/abc/roles').loginAs(admin)
    garbage.assertStatus(404)
    await admin.refresh()
    assert.include(admin.roles, 'admin')
  })

  test('the user list filters by role and pages without one query per row', async ({
    client,
    assert,
  }) => {
    const admin = await userWithRoles('admin')
    await UserFactory.merge({ roles: ['reviewer'] }).createMany(30)
    const { result: response, queries } = await countQueries(() =>
      client.get('/admin/users?role=reviewer').loginAs(admin)
    )
    response.assertStatus(200)
    assert.include(response.text(), 'Évaluateur')
    // session user + count + page, whatever the page size
    assert.isAtMost(queries.length, 4, queries.join('\n'))
  })
})
