import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import MainSeeder from '#database/seeders/main_seeder'
import User from '#identity/models/user'
import Call from '#programmes/models/call'
import Decision from '#reviews/models/decision'
import { isolateEachTest } from '#tests/helpers/http'
import { checkFormDefinition } from '#programmes/forms/definition_checker'
import { checkRuleSet } from '#eligibility/rule_set_checker'
import { publishedRuleSet } from '#eligibility/rule_set_versions'

/** The seeded 2025 edition of the bourse de vie: the call the review pipeline ran on. */
async function pastLivingGrantCall() {
  return Call.query()
    .where('state', 'closed')
    .whereHas('programme', (programme) => programme.where('code', 'BOURSE-VIE'))
    .firstOrFail()
}

async function countOf(table: string, where: Record<string, unknown>) {
  const [row] = await db.from(table).where(where).count('* as total')
  return Number(row.total)
}

test.group('Demo data', (group) => {
  isolateEachTest(group)

  test('the main seeder runs the past living grant call through review, award, answers and agreements', async ({
    assert,
  }) => {
    const started = performance.now()
    // Its own db.transaction becomes a savepoint of the test's global transaction.
    await new MainSeeder(db.connection()).run()
    const seconds = (performance.now() - started) / 1000
    assert.isBelow(seconds, 20, `the demo seed took ${seconds.toFixed(1)} s`)

    // Every demo person gave the processing consent, as signing up requires (law 09-08).
    const [withoutConsent] = await db
      .from('users')
      .whereNotExists((consents) =>
        consents
          .from('user_consents')
          .whereRaw('user_consents.user_id = users.id')
          .where('purpose', 'processing')
      )
      .count('* as total')
    assert.equal(Number(withoutConsent.total), 0)

    const call = await pastLivingGrantCall()
    assert.equal(call.opensAt.year, 2025)
    assert.equal(call.closesAt.year, 2025)
    assert.isTrue(call.blindReview)

    const states = await db
      .from('applications')
      .where('call_id', call.id)
      .groupBy('state')
      .select('state')
      .count('* as total')
    const byState = Object.fromEntries(states.map((row) => [row.state, Number(row.total)]))
    assert.deepEqual(byState, {
      contracted: 3,
      awarded: 2,
      declined: 1,
      waitlisted: 1,
      rejected: 1,
      ineligible: 2,
    })
    assert.equal(await countOf('application_evaluations', { eligible: false }), 2)

    // Every review submitted; aggregates for each application reviewed, one flagged.
    assert.equal(await countOf('reviews', { call_id: call.id, state: 'assigned' }), 0)
    assert.equal(await countOf('reviews', { call_id: call.id, state: 'submitted' }), 8 * 3)
    assert.equal(await countOf('review_aggregates', { call_id: call.id }), 8)
    assert.equal(await countOf('review_aggregates', { call_id: call.id, disagreement: true }), 1)

    const decisions = await Decision.query().where('call_id', call.id).orderBy('id')
    assert.isTrue(
      decisions.every((decision) => decision.publishedAt !== null),
      'the 2025 decisions were published'
    )
    assert.sameMembers(
      [...new Set(decisions.map((decision) => decision.outcome))],
      ['awarded', 'waitlisted', 'rejected']
    )
    const live = decisions.filter(
      (decision) => decision.outcome === 'awarded' && decision.response !== 'declined'
    )
    const liveTotal = live.reduce((sum, decision) => sum + decision.amountCentimes!, 0)
    assert.equal(call.committedCentimes, liveTotal)
    assert.isAtMost(call.committedCentimes, call.envelopeCentimes)
    assert.equal(call.envelopeCentimes, 5 * 18_000_000)
    const [ledger] = await db
      .from('ledger_entries')
      .where('call_id', call.id)
      .select(
        db.raw("sum(case kind when 'commit' then amount_centimes else -amount_centimes end) as net")
      )
    assert.equal(Number(ledger.net), liveTotal)

    // The one answer left for the visitor: the award promoted from the reserve list.
    const open = decisions.filter(
      (decision) => decision.outcome === 'awarded' && decision.response === null
    )
    assert.lengthOf(open, 1)
    assert.isNull(open[0].reservePosition)
    assert.lengthOf(
      decisions.filter((decision) => decision.response === 'declined'),
      1
    )

    // Agreements from all accepted awards but one (left to create by hand on /finance/awards).
    const agreements = await db.from('agreements').where('call_id', call.id).select('id')
    assert.lengthOf(agreements, 3)
    const tranches = await countOf('tranches', { agreement_id: agreements[0].id })
    assert.equal(tranches, 12)

    const founder = await User.findByOrFail('email', 'founder@manassa.test')
    assert.equal(await countOf('applications', { applicant_id: founder.id }), 0)
  })

  test('a visitor logged in as the promoted applicant accepts the open award', async ({
    client,
    assert,
  }) => {
    await new MainSeeder(db.connection()).run()
    const call = await pastLivingGrantCall()
    const award = await Decision.query()
      .where({ call_id: call.id, outcome: 'awarded' })
      .whereNull('response')
      .preload('application', (application) => application.preload('applicant'))
      .firstOrFail()

    const response = await client
      .post(`/applications/${award.applicationId}/decision/response`)
      .form({ response: 'accepted' })
      .loginAs(award.application.applicant)
      .withCsrfToken()
      .redirects(0)

    response.assertStatus(302)
    await award.refresh()
    assert.equal(award.response, 'accepted')
  })

  test('the demo has an open ideation-stage startup offer with its form and published rules', async ({
    assert,
  }) => {
    await new MainSeeder(db.connection()).run()
    const call = await Call.query()
      .where('state', 'open')
      .whereHas('programme', (programme) =>
        programme.where('kind', 'startup_offer').where('stage', 'ideation')
      )
      .preload('formVersions')
      .firstOrFail()
    const [form] = call.formVersions
    assert.deepEqual(checkFormDefinition(form.definition, 'startup_offer'), [])
    const rules = await publishedRuleSet(call.id)
    assert.isNotNull(rules)
    assert.deepEqual(checkRuleSet(rules!.rules), [])
  })
})
