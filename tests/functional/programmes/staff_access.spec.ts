import { test } from '@japa/runner'
import { userWithRoles } from '#database/factories/user_factory'
import { CallFactory, ProgrammeFactory } from '#database/factories/programme_factory'
import { isolateEachTest } from '#tests/helpers/http'
import Programme from '#programmes/models/programme'
import Call from '#programmes/models/call'
import { ROLES } from '#identity/roles'

type Method = 'GET' | 'POST' | 'PUT'

async function staffRoutes() {
  const programme = await ProgrammeFactory.create()
  const call = await CallFactory.merge({ programmeId: programme.id, state: 'draft' })
    .with('formVersions', 1)
    .create()
  const routes: [Method, string][] = [
    ['GET', '/staff/programmes'],
    ['GET', '/staff/programmes/new'],
    ['POST', '/staff/programmes'],
    ['GET', `/staff/programmes/${programme.id}/edit`],
    ['PUT', `/staff/programmes/${programme.id}`],
    ['GET', `/staff/programmes/${programme.id}/calls/new`],
    ['POST', `/staff/programmes/${programme.id}/calls`],
    ['GET', `/staff/calls/${call.id}`],
    ['GET', `/staff/calls/${call.id}/edit`],
    ['PUT', `/staff/calls/${call.id}`],
    ['POST', `/staff/calls/${call.id}/transitions`],
    ['GET', `/staff/calls/${call.id}/form`],
    ['PUT', `/staff/calls/${call.id}/form`],
    ['GET', `/staff/calls/${call.id}/form/builder`],
    ['PUT', `/staff/calls/${call.id}/form/builder`],
  ]
  return { programme, call, routes }
}

/** A body that would change something if it were let through. */
const payload = {
  kind: 'vc_call',
  code: 'HIJACK',
  titleFr: 'Détourné',
  summaryFr: 'Détourné',
  descriptionFr: 'Détourné',
  opensAt: '2026-03-01T17:00',
  closesAt: '2026-04-15T12:00',
  envelopeMad: '1',
  to: 'archived',
  definition: '{"sections":[]}',
  command: 'save',
  sections: [{ key: 'hijack', title: { fr: 'Détourné' }, fields: [] }],
}

test.group('Staff programme pages: access', (group) => {
  isolateEachTest(group)

  test('every role but programme officer gets 403 on every staff route, and nothing changes', async ({
    client,
    assert,
  }) => {
    const { programme, call, routes } = await staffRoutes()
    for (const role of ROLES.filter((candidate) => candidate !== 'programme_officer')) {
      const user = await userWithRoles(role)
      for (const [method, url] of routes) {
        const response = await client
          .request(url, method)
          .form(payload)
          .loginAs(user)
          .withCsrfToken()
          .redirects(0)
        assert.equal(response.status(), 403, `${role} ${method} ${url}`)
      }
    }
    await programme.refresh()
    await call.refresh()
    assert.notEqual(programme.code, 'HIJACK')
    assert.equal(call.state, 'draft')
    assert.isNull(await Programme.findBy('code', 'HIJACK'))
    assert.lengthOf(await Call.query().where('programme_id', programme.id), 1)
  })

  test('an officer who is also an applicant is let in', async ({ client }) => {
    const { routes } = await staffRoutes()
    const officer = await userWithRoles('applicant', 'programme_officer')
    const [method, url] = routes[0]
    const response = await client.request(url, method).loginAs(officer)
    response.assertStatus(200)
  })

  test('guests are sent to the login page from every staff route', async ({ client, assert }) => {
    const { routes } = await staffRoutes()
    for (const [method, url] of routes) {
      const response = await client.request(url, method).form(payload).withCsrfToken().redirects(0)
      assert.equal(response.status(), 302, `${method} ${url}`)
      assert.equal(response.header('location'), '/login', `${method} ${url}`)
    }
  })

  test('the header shows the Programmes link to officers only', async ({ client, assert }) => {
    const officer = await userWithRoles('programme_officer')
    const withLink = await client.get('/dashboard').loginAs(officer)
    withLink.assertTextIncludes('href="/staff/programmes"')
    const applicant = await userWithRoles('applicant')
    const withoutLink = await client.get('/dashboard').loginAs(applicant)
    assert.notInclude(withoutLink.text(), 'href="/staff/programmes"')
  })
})
