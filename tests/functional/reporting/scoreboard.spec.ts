import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { scoreboardFigures } from '#reporting/scoreboard/scoreboard_figures'
import { formatIndicator } from '#reporting/scoreboard/scoreboard_page'
import { userWithRoles } from '#database/factories/user_factory'
import { isolateEachTest } from '#tests/helpers/http'
import { miniatureCountry } from '#tests/functional/reporting/scoreboard_fixtures'
import { countQueries } from '#tests/helpers/queries'

const MAD = 100

test.group('Scoreboard: every figure against a hand-computed country', (group) => {
  isolateEachTest(group)

  test('the national figures are the ones computed by hand', async ({ assert }) => {
    await miniatureCountry()
    const figures = await scoreboardFigures()
    assert.deepEqual(figures.indicators, {
      startups_supported: 3,
      mad_committed: (1_300_000 + 360_000 + 100_000_000) * MAD,
      mad_disbursed: (120_000 + 30_000) * MAD,
      vc_funds_selected: 3,
      vc_capital_committed: 100_000_000 * MAD,
      vc_leverage: 425,
      living_grant_grantees: 2,
      ai_trainees_enrolled: 7,
      ai_trainees_certified: 2,
      jobs_created: 6,
      funds_raised: 1_050_000 * MAD,
      women_in_teams: 3333,
    })
    assert.deepEqual(figures.startupsByStage, { ideation: 0, early: 3, growth: 1, fundraising: 0 })
    assert.deepEqual(figures.moneyByKind, {
      startup_offer: { committedCentimes: 1_300_000 * MAD, disbursedCentimes: 120_000 * MAD },
      living_grant: { committedCentimes: 360_000 * MAD, disbursedCentimes: 30_000 * MAD },
      vc_call: { committedCentimes: 100_000_000 * MAD, disbursedCentimes: 0 },
    })
    assert.deepEqual(figures.leverage, {
      targetSizeCentimes: 340_000_000 * MAD,
      commitmentCentimes: 80_000_000 * MAD,
      funds: 2,
    })
    assert.deepEqual(figures.teams, { teamSize: 9, women: 3, reportingAgreements: 2 })
  })

  test('the regional split adds up to the same hand-computed cells', async ({ assert }) => {
    await miniatureCountry()
    const { regions } = await scoreboardFigures()
    const byRegion = Object.fromEntries(regions.map((row) => [row.region, row]))
    assert.sameMembers(Object.keys(byRegion), [
      'souss_massa',
      'casablanca_settat',
      'oriental',
      'rabat_sale_kenitra',
      'unknown',
    ])
    assert.deepEqual(byRegion.souss_massa, {
      region: 'souss_massa',
      startups: 2,
      grantees: 1,
      funds: 0,
      committedCentimes: (300_000 + 500_000 + 300_000 + 180_000) * MAD,
      disbursedCentimes: (120_000 + 30_000) * MAD,
      aiEnrolled: 6,
      aiCertified: 1,
      jobsCreated: 6,
      womenInTeams: 3,
      fundsRaisedCentimes: 1_050_000 * MAD,
      reportingAgreements: 2,
    })
    assert.include(byRegion.casablanca_settat, {
      startups: 1,
      committedCentimes: 200_000 * MAD,
      aiEnrolled: 1,
      aiCertified: 1,
    })
    assert.include(byRegion.oriental, { grantees: 1, committedCentimes: 180_000 * MAD })
    // The declined award: committed then released, nobody supported.
    assert.include(byRegion.rabat_sale_kenitra, { startups: 0, committedCentimes: 0 })
    assert.include(byRegion.unknown, { funds: 3, committedCentimes: 100_000_000 * MAD })
  })

  test('one region: its own figures and its own targets', async ({ assert }) => {
    await miniatureCountry()
    const souss = await scoreboardFigures('souss_massa')
    assert.include(souss.indicators, {
      startups_supported: 2,
      living_grant_grantees: 1,
      vc_funds_selected: 0,
      ai_trainees_enrolled: 6,
      ai_trainees_certified: 1,
      jobs_created: 6,
      mad_disbursed: 150_000 * MAD,
    })
    assert.deepEqual(souss.startupsByStage, { ideation: 0, early: 2, growth: 1, fundraising: 0 })
  })

  test('the figures take a fixed number of queries, whatever the rows', async ({ assert }) => {
    await miniatureCountry()
    const { queries } = await countQueries(() => scoreboardFigures())
    assert.lengthOf(queries, 5)
  })
})

test.group('Scoreboard pages', (group) => {
  isolateEachTest(group)

  test('the public page shows every national figure and suppresses small regional cells', async ({
    client,
    assert,
  }) => {
    await miniatureCountry()
    const response = await client.get('/scoreboard').header('Accept-Language', 'fr')
    response.assertStatus(200)
    const html = response.text()
    const expected: Array<[string, Parameters<typeof formatIndicator>[0], number]> = [
      ['startups_supported', 'count', 3],
      ['mad_committed', 'mad', 101_660_000 * MAD],
      ['mad_disbursed', 'mad', 150_000 * MAD],
      ['vc_funds_selected', 'count', 3],
      ['vc_capital_committed', 'mad', 100_000_000 * MAD],
      ['vc_leverage', 'ratio', 425],
      ['living_grant_grantees', 'count', 2],
      ['ai_trainees_enrolled', 'count', 7],
      ['ai_trainees_certified', 'count', 2],
      ['jobs_created', 'count', 6],
      ['funds_raised', 'mad', 1_050_000 * MAD],
      ['women_in_teams', 'percent', 3333],
    ]
    for (const [key, unit, value] of expected) {
      assert.include(html, `id="figure-${key}">${formatIndicator(unit, value, 'fr')}</dd>`, key)
    }
    assert.include(html, 'id="stage-early">3</td>')
    assert.include(html, 'id="stage-growth">1</td>')

    // Souss-Massa: 6 AI trainees and 6 jobs are shown; 2 startups, 1 grantee, 1 certified,
    // 3 women and the amounts behind 3 beneficiaries are not.
    const souss = html.slice(html.indexOf('id="region-souss_massa"'))
    const sussRow = souss.slice(0, souss.indexOf('</tr>'))
    const cells = [...sussRow.matchAll(/<td class="numeric">\s*([^<]*?)\s*<\/td>/g)].map(
      (match) => match[1]
    )
    assert.deepEqual(cells, [
      '&lt; 5',
      '&lt; 5',
      '0',
      '&lt; 5',
      '&lt; 5',
      '6',
      '&lt; 5',
      '6',
      '&lt; 5',
      '&lt; 5',
    ])
    assert.notInclude(sussRow, formatIndicator('mad', 1_280_000 * MAD, 'fr'))
    // The VC funds' region: 3 funds, their 100 M MAD hidden in the regional table.
    const unknown = html.slice(html.indexOf('id="region-unknown"'))
    assert.notInclude(
      unknown.slice(0, unknown.indexOf('</tr>')),
      formatIndicator('mad', 100_000_000 * MAD, 'fr')
    )
  })

  test('the national targets show their progress, with the demo ones labelled', async ({
    client,
    assert,
  }) => {
    await miniatureCountry()
    const page = await client.get('/scoreboard').header('Accept-Language', 'en')
    const html = page.text()
    // 2 certified of the official 100 000: 0.002 % → 0 with one decimal.
    const ai = html.slice(html.indexOf('id="target-ai_trainees_certified-2030"'))
    assert.include(ai.slice(0, ai.indexOf('</li>')), '2 of a 100,000 target for 2030 (0 %)')
    assert.notInclude(ai.slice(0, ai.indexOf('</li>')), 'demo target')
    // 3 startups of a demo 3 000: 0.1 %.
    const startups = html.slice(html.indexOf('id="target-startups_supported-2030"'))
    const item = startups.slice(0, startups.indexOf('</li>'))
    assert.include(item, '3 of a 3,000 target for 2030 (0.1 %)')
    assert.include(item, 'demo target')
    assert.include(item, 'role="img"')
    // Casablanca-Settat's own target is not on the national page.
    assert.lengthOf(html.split('id="target-ai_trainees_certified-2030"'), 2)
  })

  test('staff see the regional detail unsuppressed, a region with its own targets', async ({
    client,
    assert,
  }) => {
    await miniatureCountry()
    const ministry = await userWithRoles('ministry')
    ministry.preferredLocale = 'en'
    await ministry.save()
    const response = await client
      .get('/staff/scoreboard')
      .qs({ region: 'casablanca_settat' })
      .header('Accept-Language', 'en')
      .loginAs(ministry)
    response.assertStatus(200)
    const html = response.text()
    assert.include(html, 'id="figure-startups_supported">1</dd>')
    assert.include(html, 'id="figure-ai_trainees_certified">1</dd>')
    // Casablanca-Settat's own demo target: 1 certified of 25 000.
    assert.include(html, '1 of a 25,000 target for 2030')
    assert.notInclude(html, '&lt; 5')

    const nationalPage = await client.get('/staff/scoreboard').loginAs(ministry)
    const national = nationalPage.text()
    const souss = national.slice(national.indexOf('id="region-souss_massa"'))
    assert.include(
      souss.slice(0, souss.indexOf('</tr>')),
      formatIndicator('mad', 1_280_000 * MAD, 'en')
    )
  })

  test('a region outside the list is a 422 with a localized message', async ({ client }) => {
    const officer = await userWithRoles('programme_officer')
    const response = await client
      .get('/staff/scoreboard')
      .qs({ region: 'atlantis' })
      .header('Accept', 'application/json')
      .loginAs(officer)
    response.assertStatus(422)
    response.assertBodyContains({
      errors: [{ field: 'region', message: 'Choisissez une valeur proposée pour région.' }],
    })
  })

  test('only the ministry, officers and admins see the regional detail', async ({ client }) => {
    for (const role of [
      'applicant',
      'reviewer',
      'finance_officer',
      'trainee',
      'fund_manager',
    ] as const) {
      const user = await userWithRoles(role)
      const response = await client.get('/staff/scoreboard').loginAs(user)
      response.assertStatus(403)
    }
    const anonymous = await client.get('/staff/scoreboard').redirects(0)
    anonymous.assertStatus(302)
    for (const role of ['ministry', 'programme_officer', 'admin'] as const) {
      const response = await client.get('/staff/scoreboard').loginAs(await userWithRoles(role))
      response.assertStatus(200)
    }
  })

  test('the public page needs no sign-in and names nobody', async ({ client, assert }) => {
    const { org1, grantee1 } = await miniatureCountry()
    const response = await client.get('/scoreboard')
    response.assertStatus(200)
    assert.notInclude(response.text(), org1.name)
    assert.notInclude(response.text(), grantee1.applicant.fullName)
  })

  test('the public page takes a fixed number of queries', async ({ client, assert }) => {
    await miniatureCountry()
    const { queries } = await countQueries(async () => {
      const page = await client.get('/scoreboard')
      page.assertStatus(200)
    })
    // Five aggregates and the targets.
    assert.isAtMost(queries.length, 6)
    // The next visitors within the minute read the figures from Redis: the targets only.
    const cached = await countQueries(async () => {
      const page = await client.get('/scoreboard')
      page.assertStatus(200)
    })
    assert.lengthOf(cached.queries, 1)
    // Declined awards and released commitments move nothing.
    const released = await db.from('ledger_entries').where('kind', 'release').count('* as total')
    assert.equal(Number(released[0].total), 1)
  })
})
