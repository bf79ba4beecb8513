import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { MINIMAL_RULES, openCallOf } from '#database/factories/programme_factory'
import { userWithRoles } from '#database/factories/user_factory'
import RuleSetVersion from '#eligibility/models/rule_set_version'
import { isolateEachTest } from '#tests/helpers/http'
import type { Role } from '#identity/roles'

type Method = 'GET' | 'POST' | 'PUT'

async function rulesRoutes() {
  const call = await openCallOf()
  const draft = await RuleSetVersion.create({
    callId: call.id,
    version: 1,
    rules: MINIMAL_RULES,
    publishedAt: null,
  })
  const routes: [Method, string][] = [
    ['GET', `/staff/calls/${call.id}/rules`],
    ['PUT', `/staff/calls/${call.id}/rules`],
    ['POST', `/staff/calls/${call.id}/rules/dry_run`],
    ['POST', `/staff/calls/${call.id}/rules/publication`],
    ['GET', `/staff/calls/${call.id}/rules/builder`],
    ['PUT', `/staff/calls/${call.id}/rules/builder`],
  ]
  return { call, draft, routes }
}

/** A body that would change the rules if it were let through. */
const payload = {
  rules: JSON.stringify({ eligibility: { all: [] }, scoring: [] }),
  command: 'save',
  combinator: 'any',
}

const OTHERS: Role[] = ['applicant', 'reviewer', 'fund_manager', 'admin', 'finance_officer']

test.group('Staff rules pages: access', (group) => {
  isolateEachTest(group)

  test('only programme officers reach the rules: everyone else gets 403 and nothing changes', async ({
    client,
    assert,
  }) => {
    const { call, draft, routes } = await rulesRoutes()
    for (const role of OTHERS) {
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
    await draft.refresh()
    assert.deepEqual(draft.rules, MINIMAL_RULES)
    assert.isNull(draft.publishedAt)
    assert.lengthOf(await RuleSetVersion.query().where('call_id', call.id), 1)
    const audits = await db
      .from('audit_logs')
      .where({ subject_type: 'call', subject_id: String(call.id) })
      .whereIn('action', ['call.rules_saved', 'call.rules_published'])
    assert.lengthOf(audits, 0)
  })

  test('guests are sent to the login page from every rules route', async ({ client, assert }) => {
    const { routes } = await rulesRoutes()
    for (const [method, url] of routes) {
      const response = await client.request(url, method).form(payload).withCsrfToken().redirects(0)
      assert.equal(response.status(), 302, `${method} ${url}`)
      assert.equal(response.header('location'), '/login', `${method} ${url}`)
    }
  })

  test('an unknown call is a 404 on every rules route', async ({ client, assert }) => {
    const officer = await userWithRoles('programme_officer')
    for (const [method, url] of [
      ['GET', '/staff/calls/999999999/rules'],
      ['PUT', '/staff/calls/999999999/rules'],
      ['POST', '/staff/calls/999999999/rules/dry_run'],
      ['POST', '/staff/calls/999999999/rules/publication'],
    ] as [Method, string][]) {
      const response = await client
        .request(url, method)
        .form(payload)
        .loginAs(officer)
        .withCsrfToken()
        .redirects(0)
      assert.equal(response.status(), 404, `${method} ${url}`)
    }
  })
})
