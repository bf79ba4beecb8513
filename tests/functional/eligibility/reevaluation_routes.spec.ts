import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import queue from '#core/services/queue'
import { openCallOf, publishRules } from '#database/factories/programme_factory'
import { userWithRoles } from '#database/factories/user_factory'
import { isolateEachTest } from '#tests/helpers/http'
import { ROLES } from '#identity/roles'
import { ReevaluateCall } from '#eligibility/actions/reevaluate_call'
import { reevaluationJobId } from '#eligibility/actions/start_reevaluation'
import {
  RULES_V1,
  RULES_V2,
  seedApplications,
} from '#tests/functional/eligibility/reevaluation_fixtures'
import type Call from '#programmes/models/call'

function startedAudits(call: Call) {
  return db
    .from('audit_logs')
    .where({
      subject_type: 'call',
      subject_id: String(call.id),
      action: 'call.reevaluation_started',
    })
    .select('actor_id', 'metadata')
}

async function queuedJobs() {
  return queue.queue().getJobs(['waiting', 'active', 'delayed', 'prioritized'])
}

test.group('Re-evaluation / launching it and following it', (group) => {
  isolateEachTest(group)

  test('an officer launches the published version’s re-evaluation: one job under its business key, audited', async ({
    client,
    assert,
  }) => {
    const officer = await userWithRoles('programme_officer')
    const call = await openCallOf()
    await publishRules(call, RULES_V1)
    await publishRules(call, RULES_V2, 2)
    await seedApplications(call, [{ amount: 100_000 }, { amount: 600_000 }])

    const response = await client
      .post(`/staff/calls/${call.id}/reevaluations`)
      .form({})
      .loginAs(officer)
      .withCsrfToken()
      .redirects(0)

    response.assertStatus(302)
    assert.equal(response.header('location'), `/staff/calls/${call.id}/reevaluations`)
    const job = await queue.queue().getJob(reevaluationJobId(call.id, 2))
    assert.exists(job)
    assert.equal(job!.id, `reevaluate:${call.id}:v2`)
    assert.equal(job!.name, 'eligibility.reevaluate_call')
    assert.containsSubset(job!.data, { callId: call.id, version: 2, actor: { id: officer.id } })
    assert.deepEqual(await startedAudits(call), [
      { actor_id: officer.id, metadata: { ruleSetVersion: 2 } },
    ])

    // A second click while it waits: the same job, no second entry.
    const again = await client
      .post(`/staff/calls/${call.id}/reevaluations`)
      .accept('json')
      .json({})
      .loginAs(officer)
      .withCsrfToken()
    again.assertStatus(202)
    assert.equal(again.body().outcome, 'running')
    assert.equal(
      again.body().message,
      'La réévaluation avec la version 2 des règles est déjà en cours.'
    )
    const jobs = await queuedJobs()
    const queued = jobs.filter((candidate) => candidate.data.callId === call.id)
    assert.lengthOf(queued, 1)
    assert.lengthOf(await startedAudits(call), 1)
  })

  test('once every application has its result for the version, launching does nothing', async ({
    client,
    assert,
  }) => {
    const officer = await userWithRoles('programme_officer')
    const call = await openCallOf()
    await publishRules(call, RULES_V1)
    await seedApplications(call, [{ amount: 100_000 }, { amount: 600_000 }])
    await new ReevaluateCall().handle({ callId: call.id, version: 1, actor: { id: officer.id } })

    const response = await client
      .post(`/staff/calls/${call.id}/reevaluations`)
      .accept('json')
      .json({})
      .loginAs(officer)
      .withCsrfToken()

    response.assertStatus(202)
    assert.equal(response.body().outcome, 'up_to_date')
    assert.notExists(await queue.queue().getJob(reevaluationJobId(call.id, 1)))
    assert.lengthOf(await startedAudits(call), 0)
  })

  test('without published rules, launching is refused and queues nothing', async ({
    client,
    assert,
  }) => {
    const officer = await userWithRoles('programme_officer')
    const call = await openCallOf()

    const response = await client
      .post(`/staff/calls/${call.id}/reevaluations`)
      .accept('json')
      .json({})
      .loginAs(officer)
      .withCsrfToken()

    response.assertStatus(409)
    assert.equal(
      response.body().errors[0].message,
      "Publiez d'abord une version des règles : il n'y a rien à appliquer."
    )
    assert.notExists(await queue.queue().getJob(reevaluationJobId(call.id, 1)))
    assert.lengthOf(await startedAudits(call), 0)
  })

  test('the progress endpoint counts in the database and reads the job’s state', async ({
    client,
  }) => {
    const officer = await userWithRoles('programme_officer')
    const call = await openCallOf()
    await publishRules(call, RULES_V1)
    await seedApplications(call, [
      { amount: 100_000 },
      { amount: 600_000 },
      { amount: 300_000 },
      { amount: 300_000, state: 'draft' },
    ])
    const current = () =>
      client.get(`/staff/calls/${call.id}/reevaluations/current`).accept('json').loginAs(officer)

    const before = await current()
    before.assertStatus(200)
    before.assertBody({ state: 'none', processed: 0, total: 3, percent: 0, version: 1 })

    await client
      .post(`/staff/calls/${call.id}/reevaluations`)
      .form({})
      .loginAs(officer)
      .withCsrfToken()
      .redirects(0)
    const queuedState = await current()
    queuedState.assertBody({ state: 'waiting', processed: 0, total: 3, percent: 0, version: 1 })

    // Half done, as a worker would leave it between two batches.
    const partial = new ReevaluateCall()
    partial.batchSize = 2
    await partial.handle({ callId: call.id, version: 1, actor: { id: officer.id } })
    const done = await current()
    done.assertBody({ state: 'waiting', processed: 3, total: 3, percent: 100, version: 1 })
  })

  test('the page shows a progress bar, how to follow it without JavaScript, and the launch button', async ({
    client,
    assert,
  }) => {
    const officer = await userWithRoles('programme_officer')
    const call = await openCallOf()
    await publishRules(call, RULES_V1)
    await seedApplications(call, [{ amount: 100_000 }, { amount: 600_000 }])
    await client
      .post(`/staff/calls/${call.id}/reevaluations`)
      .form({})
      .loginAs(officer)
      .withCsrfToken()
      .redirects(0)

    const response = await client.get(`/staff/calls/${call.id}/reevaluations`).loginAs(officer)

    response.assertStatus(200)
    const html = response.text()
    assert.match(html, /<progress id="reevaluation-bar" max="2" value="0">0 %<\/progress>/)
    assert.include(html, '0 sur 2 candidatures évaluées (0 %)')
    assert.include(html, 'En attente d&#x27;un processus de fond')
    assert.include(html, 'Actualisez la page pour voir l&#x27;avancement.')
    assert.include(html, `data-url="/staff/calls/${call.id}/reevaluations/current"`)
    assert.include(html, `action="/staff/calls/${call.id}/reevaluations"`)
    assert.include(html, 'Réévaluer toutes les candidatures')
  })

  test('the rules page offers to re-evaluate the call once a version is in force', async ({
    client,
    assert,
  }) => {
    const officer = await userWithRoles('programme_officer')
    const call = await openCallOf()
    const launch = `action="/staff/calls/${call.id}/reevaluations"`

    const before = await client.get(`/staff/calls/${call.id}/rules`).loginAs(officer)
    before.assertStatus(200)
    assert.notInclude(before.text(), launch)

    await publishRules(call, RULES_V1)
    const after = await client.get(`/staff/calls/${call.id}/rules`).loginAs(officer)
    after.assertStatus(200)
    assert.include(after.text(), launch)
    assert.include(after.text(), `href="/staff/calls/${call.id}/reevaluations"`)
  })

  test('a call without published rules says there is nothing to re-evaluate', async ({
    client,
  }) => {
    const officer = await userWithRoles('programme_officer')
    const call = await openCallOf()
    const response = await client.get(`/staff/calls/${call.id}/reevaluations`).loginAs(officer)
    response.assertStatus(200)
    response.assertTextIncludes('Aucune version des règles n&#x27;est publiée pour cet appel')
  })
})

test.group('Re-evaluation / access', (group) => {
  isolateEachTest(group)

  async function routesOf(call: Call): Promise<Array<['GET' | 'POST', string]>> {
    return [
      ['GET', `/staff/calls/${call.id}/reevaluations`],
      ['POST', `/staff/calls/${call.id}/reevaluations`],
      ['GET', `/staff/calls/${call.id}/reevaluations/current`],
    ]
  }

  test('every role but programme officer gets 403, and nothing is queued', async ({
    client,
    assert,
  }) => {
    const call = await openCallOf()
    await publishRules(call, RULES_V1)
    for (const role of ROLES.filter((candidate) => candidate !== 'programme_officer')) {
      const user = await userWithRoles(role)
      for (const [method, url] of await routesOf(call)) {
        const response = await client
          .request(url, method)
          .form({})
          .loginAs(user)
          .withCsrfToken()
          .redirects(0)
        assert.equal(response.status(), 403, `${role} ${method} ${url}`)
      }
    }
    assert.notExists(await queue.queue().getJob(reevaluationJobId(call.id, 1)))
    assert.lengthOf(await startedAudits(call), 0)
  })

  test('guests are sent to the login page; an unknown call is a 404', async ({
    client,
    assert,
  }) => {
    const call = await openCallOf()
    for (const [method, url] of await routesOf(call)) {
      const response = await client.request(url, method).form({}).withCsrfToken().redirects(0)
      assert.equal(response.status(), 302, `${method} ${url}`)
      assert.equal(response.header('location'), '/login', `${method} ${url}`)
    }
    const officer = await userWithRoles('programme_officer')
    const missing = { id: call.id + 1_000_000 } as Call
    for (const [method, url] of await routesOf(missing)) {
      const response = await client
        .request(url, method)
        .form({})
        .loginAs(officer)
        .withCsrfToken()
        .redirects(0)
      assert.equal(response.status(), 404, `${method} ${url}`)
    }
  })
})
