import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import ScoreboardTarget from '#reporting/scoreboard/models/scoreboard_target'
import { userWithRoles } from '#database/factories/user_factory'
import { isolateEachTest } from '#tests/helpers/http'
import { assuranceOf } from '#tests/helpers/assurance'
import { SUDO_WINDOW_MS } from '#identity/second_factor/assurance'
import { parseTargetValue } from '#reporting/scoreboard/target_values'
import { formatIndicator } from '#reporting/scoreboard/scoreboard_page'

async function nationalTarget(indicator: string) {
  return ScoreboardTarget.query().where({ indicator, year: 2030 }).whereNull('region').firstOrFail()
}

test.group('Scoreboard targets (admin)', (group) => {
  isolateEachTest(group)

  test('the 2030 targets are seeded: 100 000 people certified in AI, the others demo', async ({
    assert,
  }) => {
    const ai = await nationalTarget('ai_trainees_certified')
    assert.include(ai.$attributes, { targetValue: 100_000, unit: 'count', isDemo: false })
    const demo = await ScoreboardTarget.query().where('is_demo', false).count('* as total')
    assert.equal(Number(demo[0].$extras.total), 1)
  })

  test('an admin changes a target in its unit; the change is audited with before and after', async ({
    client,
    assert,
  }) => {
    const admin = await userWithRoles('admin')
    const target = await nationalTarget('mad_committed')
    const response = await client
      .put(`/admin/scoreboard/targets/${target.id}`)
      .form({ targetValue: '2 000 000 000' })
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/admin/scoreboard/targets')
    await target.refresh()
    assert.equal(target.targetValue, 200_000_000_000)
    assert.isFalse(target.isDemo)
    const audit = await db
      .from('audit_logs')
      .where({ action: 'scoreboard_target.updated', subject_id: String(target.id) })
      .firstOrFail()
    assert.equal(audit.actor_id, admin.id)
    assert.deepEqual(audit.metadata.before, { targetValue: 150_000_000_000, isDemo: true })
    assert.deepEqual(audit.metadata.after, { targetValue: 200_000_000_000, isDemo: false })

    // The public page reads the new target at once.
    const page = await client.get('/scoreboard').header('Accept-Language', 'en')
    assert.include(page.text(), `of a ${formatIndicator('mad', 200_000_000_000, 'en')} target`)
  })

  test('a new regional target; the same one twice is refused with a field message', async ({
    client,
    assert,
  }) => {
    const admin = await userWithRoles('admin')
    const form = {
      indicator: 'startups_supported',
      year: '2028',
      region: 'souss_massa',
      targetValue: '150',
      isDemo: 'true',
    }
    const created = await client
      .post('/admin/scoreboard/targets')
      .form(form)
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    created.assertStatus(302)
    const target = await ScoreboardTarget.query()
      .where({ indicator: 'startups_supported', year: 2028, region: 'souss_massa' })
      .firstOrFail()
    assert.include(target.$attributes, { targetValue: 150, unit: 'count', isDemo: true })
    assert.isNotNull(
      await db.from('audit_logs').where({ action: 'scoreboard_target.created' }).first()
    )

    const again = await client
      .post('/admin/scoreboard/targets')
      .form(form)
      .loginAs(admin)
      .withCsrfToken()
      .accept('json')
    again.assertStatus(422)
    again.assertBodyContains({
      errors: [
        {
          field: 'indicator',
          message: 'Un objectif existe déjà pour cet indicateur, cette année et cette région.',
        },
      ],
    })
  })

  test('a value that is not one in the unit is a 422 in the person language', async ({
    client,
  }) => {
    const admin = await userWithRoles('admin')
    admin.preferredLocale = 'en'
    await admin.save()
    const target = await nationalTarget('vc_leverage')
    const response = await client
      .put(`/admin/scoreboard/targets/${target.id}`)
      .form({ targetValue: '4,567' })
      .loginAs(admin)
      .withCsrfToken()
      .accept('json')
    response.assertStatus(422)
    response.assertBodyContains({
      errors: [
        {
          field: 'targetValue',
          message: 'Type a ratio above zero with at most two decimals, e.g. 4.5.',
        },
      ],
    })
    const missing = await client
      .post('/admin/scoreboard/targets')
      .form({ indicator: 'nonsense', year: 'soon' })
      .loginAs(admin)
      .withCsrfToken()
      .accept('json')
    missing.assertStatus(422)
    missing.assertBodyContains({
      errors: [
        { field: 'indicator', message: 'Choose one of the values offered for indicator.' },
        { field: 'year', message: 'The year field must be a number.' },
        { field: 'targetValue', message: 'The target field is required.' },
      ],
    })
  })

  test('only an admin sees or changes targets; nobody else learns anything', async ({
    client,
    assert,
  }) => {
    const target = await nationalTarget('jobs_created')
    for (const role of ['ministry', 'programme_officer', 'finance_officer', 'applicant'] as const) {
      const user = await userWithRoles(role)
      const list = await client.get('/admin/scoreboard/targets').loginAs(user)
      list.assertStatus(403)
      const change = await client
        .put(`/admin/scoreboard/targets/${target.id}`)
        .form({ targetValue: '1' })
        .loginAs(user)
        .withCsrfToken()
      change.assertStatus(403)
      const create = await client
        .post('/admin/scoreboard/targets')
        .form({ indicator: 'jobs_created', year: '2029', targetValue: '1' })
        .loginAs(user)
        .withCsrfToken()
      create.assertStatus(403)
    }
    const anonymous = await client.get('/admin/scoreboard/targets').redirects(0)
    anonymous.assertStatus(302)
    anonymous.assertHeader('location', '/login')
    const anonymousChange = await client
      .put(`/admin/scoreboard/targets/${target.id}`)
      .form({ targetValue: '1' })
      .withCsrfToken()
      .redirects(0)
    anonymousChange.assertStatus(302)
    anonymousChange.assertHeader('location', '/login')
    assert.isNull(await ScoreboardTarget.query().where('year', 2029).first())
    await target.refresh()
    assert.equal(target.targetValue, 25_000)

    const admin = await userWithRoles('admin')
    const unknown = await client
      .put('/admin/scoreboard/targets/999999')
      .form({ targetValue: '1' })
      .loginAs(admin)
      .withCsrfToken()
    unknown.assertStatus(404)
  })

  test('changing a target wants a proof of identity under 15 minutes old', async ({
    client,
    assert,
  }) => {
    const admin = await userWithRoles('admin')
    const target = await nationalTarget('jobs_created')
    const stale = await client
      .put(`/admin/scoreboard/targets/${target.id}`)
      .form({ targetValue: '1' })
      .loginAs(admin)
      .withSession(assuranceOf(admin, { confirmedAt: Date.now() - SUDO_WINDOW_MS - 60_000 }))
      .withCsrfToken()
      .redirects(0)
    stale.assertStatus(302)
    assert.match(stale.header('location') ?? '', /^\/sudo/)
    await target.refresh()
    assert.equal(target.targetValue, 25_000)
  })

  test('values are read in their unit', ({ assert }) => {
    assert.equal(parseTargetValue('count', '100 000'), 100_000)
    assert.isNull(parseTargetValue('count', '1,5'))
    assert.equal(parseTargetValue('mad', '1 234,50'), 123_450)
    assert.equal(parseTargetValue('ratio', '4,25'), 425)
    assert.equal(parseTargetValue('percent', '30'), 3000)
    assert.isNull(parseTargetValue('percent', '0'))
    assert.isNull(parseTargetValue('mad', '-5'))
  })
})
