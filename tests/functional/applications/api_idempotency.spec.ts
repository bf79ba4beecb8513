import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import Application from '#applications/models/application'
import type Call from '#programmes/models/call'
import { openCallOf } from '#database/factories/programme_factory'
import { isolateEachTest } from '#tests/helpers/http'
import { applicantWithToken } from '#tests/functional/applications/api_fixtures'
import PurgeIdempotencyKeysJob from '#core/jobs/purge_idempotency_keys_job'

const ANSWERS = { project: { name: 'Atlas', amount: 250000 } }

test.group('JSON API: Idempotency-Key on start and submit', (group) => {
  isolateEachTest(group)

  test('the same key replays the first submission instead of submitting again', async ({
    client,
    assert,
  }) => {
    const call = await openCallOf()
    const { token } = await applicantWithToken()
    const started = await client
      .post(`/api/v1/calls/${call.id}/applications`)
      .json({})
      .bearerToken(token)
    const id = started.body().data.id
    await client.patch(`/api/v1/applications/${id}`).json({ answers: ANSWERS }).bearerToken(token)

    const first = await client
      .post(`/api/v1/applications/${id}/submission`)
      .header('Idempotency-Key', 'submit-42')
      .bearerToken(token)
    first.assertStatus(201)
    const again = await client
      .post(`/api/v1/applications/${id}/submission`)
      .header('Idempotency-Key', 'submit-42')
      .bearerToken(token)
    again.assertStatus(201)
    assert.deepEqual(again.body(), first.body())
    assert.equal(again.header('idempotent-replayed'), 'true')
    assert.notExists(first.header('idempotent-replayed'))

    const transitions = await db
      .from('audit_logs')
      .where({ subject_type: 'application', subject_id: String(id), to_state: 'submitted' })
      .count('* as total')
    assert.equal(Number(transitions[0].total), 1)

    // Without the key, a second submission is refused as usual.
    const unkeyed = await client.post(`/api/v1/applications/${id}/submission`).bearerToken(token)
    unkeyed.assertStatus(409)
  })

  test('the same key with another request is a 422, and keys are per person', async ({
    client,
    assert,
  }) => {
    const [call, other] = [await openCallOf(), await openCallOf()]
    const first = await applicantWithToken()
    const second = await applicantWithToken()
    const started = await client
      .post(`/api/v1/calls/${call.id}/applications`)
      .header('Idempotency-Key', 'start-1')
      .json({})
      .bearerToken(first.token)
    started.assertStatus(201)

    const reused = await client
      .post(`/api/v1/calls/${other.id}/applications`)
      .header('Idempotency-Key', 'start-1')
      .header('Accept-Language', 'en')
      .json({})
      .bearerToken(first.token)
    reused.assertStatus(422)
    assert.equal(reused.body().errors[0].field, 'Idempotency-Key')
    assert.isString(reused.body().errors[0].message)
    assert.lengthOf(await Application.query().where('call_id', other.id), 0)

    const someoneElse = await client
      .post(`/api/v1/calls/${other.id}/applications`)
      .header('Idempotency-Key', 'start-1')
      .json({})
      .bearerToken(second.token)
    someoneElse.assertStatus(201)
    assert.equal(someoneElse.body().data.callId, other.id)
  })

  test('a key is remembered for 24 hours, then forgotten', async ({ client, assert }) => {
    const [call, other] = [await openCallOf(), await openCallOf()]
    const { applicant, token } = await applicantWithToken()
    await client
      .post(`/api/v1/calls/${call.id}/applications`)
      .header('Idempotency-Key', 'start-old')
      .json({})
      .bearerToken(token)
    await db
      .from('api_idempotency_keys')
      .where('user_id', applicant.id)
      .update({ created_at: db.raw(`now() - interval '25 hours'`) })

    const later = await client
      .post(`/api/v1/calls/${other.id}/applications`)
      .header('Idempotency-Key', 'start-old')
      .json({})
      .bearerToken(token)
    later.assertStatus(201)
    assert.equal(later.body().data.callId, other.id)
  })

  test('a nightly job forgets the keys older than 24 hours, and only those', async ({
    client,
    assert,
  }) => {
    const [call, other] = [await openCallOf(), await openCallOf()]
    const { applicant, token } = await applicantWithToken()
    for (const [target, key] of [
      [call, 'old'],
      [other, 'fresh'],
    ] as const) {
      await client
        .post(`/api/v1/calls/${target.id}/applications`)
        .header('Idempotency-Key', key)
        .json({})
        .bearerToken(token)
    }
    await db
      .from('api_idempotency_keys')
      .where({ user_id: applicant.id, key: 'old' })
      .update({ created_at: db.raw(`now() - interval '25 hours'`) })

    await new PurgeIdempotencyKeysJob().handle()
    const kept = await db.from('api_idempotency_keys').where('user_id', applicant.id).select('key')
    assert.deepEqual(
      kept.map((row) => row.key),
      ['fresh']
    )
  })

  test('a key with spaces, non-ASCII or too long is a 422', async ({ client, assert }) => {
    const call = await openCallOf()
    const { token } = await applicantWithToken()
    for (const key of ['two words', 'x'.repeat(256), 'é']) {
      const response = await client
        .post(`/api/v1/calls/${call.id}/applications`)
        .header('Idempotency-Key', key)
        .json({})
        .bearerToken(token)
      assert.equal(response.status(), 422, JSON.stringify(key))
    }
  })
})

/*
| Real transactions, committed (no global transaction), so the parallel requests really
| contend for the key's row. Each test deletes what it created, except the people and
| their audit entries (the append-only audit log refers to them).
*/
async function deleteCall(call: Call, userId: number) {
  await db.from('api_idempotency_keys').where('user_id', userId).delete()
  await db.from('auth_access_tokens').where('tokenable_id', userId).delete()
  await db.from('applications').where('call_id', call.id).delete()
  await db.from('form_versions').where('call_id', call.id).delete()
  await db.from('calls').where('id', call.id).delete()
  await db.from('programmes').where('id', call.programmeId).delete()
}

test.group('JSON API: Idempotency-Key under concurrency (committed transactions)', () => {
  test('parallel starts with one key give one application and one answer', async ({
    client,
    assert,
    cleanup,
  }) => {
    const call = await openCallOf()
    const { applicant, token } = await applicantWithToken()
    cleanup(() => deleteCall(call, applicant.id))

    const responses = await Promise.all(
      Array.from({ length: 5 }, () =>
        client
          .post(`/api/v1/calls/${call.id}/applications`)
          .header('Idempotency-Key', 'parallel-start')
          .json({})
          .bearerToken(token)
      )
    )
    for (const response of responses) response.assertStatus(201)
    assert.lengthOf(new Set(responses.map((response) => response.body().data.id)), 1)
    const replayed = responses.filter((response) => response.header('idempotent-replayed'))
    assert.lengthOf(replayed, 4, 'one did the work, the others waited and replayed it')
    assert.lengthOf(await Application.query().where('call_id', call.id), 1)
    const created = await db
      .from('audit_logs')
      .where({ action: 'application.created', actor_id: applicant.id })
      .count('* as total')
    assert.equal(Number(created[0].total), 1)
  })

  test('parallel submissions with one key submit once and all get the same answer', async ({
    client,
    assert,
    cleanup,
  }) => {
    const call = await openCallOf()
    const { applicant, token } = await applicantWithToken()
    cleanup(() => deleteCall(call, applicant.id))
    const draft = await Application.create({
      callId: call.id,
      applicantId: applicant.id,
      state: 'draft',
      answers: { project: { name: 'Atlas' } },
      title: applicant.fullName,
    })

    const responses = await Promise.all(
      Array.from({ length: 5 }, () =>
        client
          .post(`/api/v1/applications/${draft.id}/submission`)
          .header('Idempotency-Key', 'parallel-submit')
          .bearerToken(token)
      )
    )
    for (const response of responses) response.assertStatus(201)
    assert.lengthOf(new Set(responses.map((response) => response.body().data.reference)), 1)
    const replayed = responses.filter((response) => response.header('idempotent-replayed'))
    assert.lengthOf(replayed, 4, 'one submitted, the others waited and replayed it')
  })
})
