/*
| reevaluation: a whole call re-evaluated end to end (read, score, write back in batches)
| by the job's action, DESIGN §9 (100 000 applications in under 60 s).
|
|   a scratch database, created and dropped here (`manassa_bench`, migrated with
|   `node ace migration:run`) → one child process booting the app on it (the app's
|   TypeScript through @poppinss/ts-exec) → a startup offer call (the demo form) with
|   100 000 submitted applications (bench/eligibility.js's synthetic answers), screened
|   against version 1 of the demo rules → version 2 published (a lower grant ceiling) →
|   `ReevaluateCall` timed from its first read to its last commit → checked: one version 2
|   result per application, every changed verdict moved and audited once
|
| The seeding is not timed; the run is, once, as an officer would launch it.
*/
import { fileURLToPath } from 'node:url'
import { ROOT, bootApp, measureInChild, migrate, withScratchDatabase } from './lib.js'

const TARGET_SECONDS = 60
const APPLICATIONS = 100_000
const BENCH_DATABASE = 'manassa_bench'
const CHILD_TIME_LIMIT_MS = 150_000

export async function reevaluation({ env, log }) {
  return withScratchDatabase(env, BENCH_DATABASE, async (scratchEnv) => {
    const benchEnv = {
      ...scratchEnv,
      QUEUE_PREFIX: `${env.QUEUE_PREFIX || 'manassa'}-bench`,
    }
    const migrated = Date.now()
    await migrate('reevaluation', benchEnv)
    log(
      `scratch database ${BENCH_DATABASE} migrated in ${((Date.now() - migrated) / 1000).toFixed(1)} s`
    )

    const result = await measureInChild(
      'reevaluation',
      'bench/reevaluation.js',
      benchEnv,
      CHILD_TIME_LIMIT_MS
    )
    log(
      `seeded ${result.applications} applications in ${result.seedSeconds.toFixed(1)} s ` +
        `(${result.eligibleBefore} eligible under version 1)`
    )
    log(
      `re-evaluated in ${result.seconds.toFixed(1)} s: ${result.evaluated} results stored, ` +
        `${result.moved} verdicts changed, ${result.audited} audit entries, ` +
        `batches of ${result.batchSize}`
    )
    const rate = result.evaluated / result.seconds
    log(`${rate.toFixed(0)} applications/s end to end`)
    const ok = result.seconds < TARGET_SECONDS && result.consistent
    if (!result.consistent) log(`INCONSISTENT: ${result.problem}`)
    return [
      {
        name: 'reevaluation',
        value: Math.round(result.seconds * 100) / 100,
        unit: 's',
        baseline: null,
        ratio: null,
        target: TARGET_SECONDS,
        ok,
        display: {
          portal: `${result.seconds.toFixed(1)} s (${rate.toFixed(0)} apps/s)`,
          target: `< ${TARGET_SECONDS} s for ${APPLICATIONS / 1000}k`,
        },
      },
    ]
  })
}

// ---------------------------------------------------------------------------------------
// The measuring process (run with the TypeScript loader, on the scratch database).
// ---------------------------------------------------------------------------------------

const CLOSES_AT = '2026-06-30T23:59:00Z'
const SEED_CHUNK = 5_000

/**
 * A startup offer call with `count` submitted applications screened against version 1 of
 * the demo rules, and version 2 (half the grant ceiling) published. Needs the app booted.
 */
export async function seedCall(db, count) {
  const { syntheticApplications } = await import('./eligibility.js')
  const { APPLICATION_FORMS } = await import('#database/forms/index')
  const { startupOfferRules } = await import('#database/rules/startup_offer')
  const { compileRuleSet } = await import('#eligibility/evaluate')
  const closingDate = CLOSES_AT.slice(0, 10)
  const ceiling = 200_000_000 // 2 000 000 MAD, in centimes
  const rulesV1 = startupOfferRules({ closingDate, grantCeilingCentimes: ceiling })
  const rulesV2 = startupOfferRules({ closingDate, grantCeilingCentimes: ceiling / 2 })

  const [officer] = await db
    .table('users')
    .insert({
      email: 'officer@bench.test',
      password: 'not-a-password-hash',
      full_name: 'Bench Officer',
      roles: ['programme_officer'],
      created_at: new Date(),
      updated_at: new Date(),
    })
    .returning('id')
  const [programme] = await db
    .table('programmes')
    .insert({
      code: 'BENCH-SO',
      kind: 'startup_offer',
      stage: 'early',
      title: JSON.stringify({ fr: 'Startup Maroc — banc d’essai' }),
      summary: '{}',
      grant_ceiling_centimes: ceiling,
      created_at: new Date(),
      updated_at: new Date(),
    })
    .returning('id')
  const [call] = await db
    .table('calls')
    .insert({
      programme_id: programme.id,
      title: JSON.stringify({ fr: 'Appel 2026 — banc d’essai' }),
      description: '{}',
      state: 'closed',
      opens_at: new Date('2026-01-01T00:00:00Z'),
      closes_at: new Date(CLOSES_AT),
      envelope_centimes: 10_000_000_000,
      blind_review: false,
      created_at: new Date(),
      updated_at: new Date(),
    })
    .returning('id')
  const [form] = await db
    .table('form_versions')
    .insert({
      call_id: call.id,
      version: 1,
      definition: JSON.stringify(APPLICATION_FORMS.startup_offer),
      frozen_at: new Date(),
      created_at: new Date(),
      updated_at: new Date(),
    })
    .returning('id')
  const publish = async (version, rules) => {
    const [row] = await db
      .table('rule_set_versions')
      .insert({
        call_id: call.id,
        version,
        rules: JSON.stringify(rules),
        published_at: new Date(),
        published_by: officer.id,
        created_at: new Date(),
        updated_at: new Date(),
      })
      .returning('id')
    return row.id
  }
  const v1 = await publish(1, rulesV1)

  await db.rawQuery(
    `INSERT INTO users (email, password, full_name, roles, email_verified_at, created_at, updated_at)
     SELECT 'founder-' || i || '@bench.test', 'not-a-password-hash', 'Founder ' || i,
            '{applicant}', now(), now(), now()
     FROM generate_series(1, ?) AS i`,
    [count]
  )
  const { rows: applicants } = await db.rawQuery(
    `SELECT id FROM users WHERE email LIKE 'founder-%@bench.test' ORDER BY id`
  )

  // Screened against version 1, as submission would have: state, result, evaluation_id.
  const screen = compileRuleSet(rulesV1)
  const synthetic = syntheticApplications(count)
  let eligibleBefore = 0
  for (let start = 0; start < count; start += SEED_CHUNK) {
    const chunk = synthetic.slice(start, start + SEED_CHUNK).map(({ answers, context }, i) => {
      const n = start + i
      const verdict = screen(answers, { closingDate, submissionDate: context.submissionDate })
      if (verdict.eligible) eligibleBefore++
      return {
        applicant_id: applicants[n].id,
        reference: `SM-2026-${String(n + 1).padStart(6, '0')}`,
        state: verdict.eligible ? 'eligible' : 'ineligible',
        answers,
        submitted_at: `${context.submissionDate}T10:00:00Z`,
        eligible: verdict.eligible,
        score: verdict.score,
        result: verdict,
      }
    })
    await db.transaction(async (trx) => {
      await trx.rawQuery(
        `WITH inserted AS (
           INSERT INTO applications (call_id, applicant_id, state, answers, reference,
             form_version_id, submitted_answers, submitted_at, region, title, created_at, updated_at)
           SELECT ?, r.applicant_id, r.state, r.answers, r.reference, ?, r.answers,
                  r.submitted_at, r.answers->'startup'->>'region', r.answers->'startup'->>'name',
                  now(), now()
           FROM jsonb_to_recordset(?::jsonb) AS r(applicant_id int, state text, answers jsonb,
             reference text, submitted_at timestamptz)
           RETURNING id, reference
         ), evaluated AS (
           INSERT INTO application_evaluations
             (application_id, rule_set_version_id, eligible, score, result, created_at)
           SELECT inserted.id, ?, r.eligible, r.score, r.result, now()
           FROM inserted JOIN jsonb_to_recordset(?::jsonb)
             AS r(reference text, eligible boolean, score numeric, result jsonb)
             USING (reference)
           RETURNING id, application_id
         )
         UPDATE applications SET evaluation_id = evaluated.id
         FROM evaluated WHERE applications.id = evaluated.application_id`,
        [
          call.id,
          form.id,
          JSON.stringify(chunk),
          v1,
          JSON.stringify(
            chunk.map(({ reference, eligible, score, result }) => ({
              reference,
              eligible,
              score,
              result,
            }))
          ),
        ]
      )
    })
  }
  await db.rawQuery('VACUUM ANALYZE applications')
  await db.rawQuery('VACUUM ANALYZE application_evaluations')
  // The officer lowers the ceiling: version 2, published. Nothing stored changes yet.
  const v2 = await publish(2, rulesV2)
  return { callId: call.id, officerId: officer.id, v2, eligibleBefore }
}

async function measure() {
  const app = await bootApp()
  const { default: db } = await import('@adonisjs/lucid/services/db')
  const { ReevaluateCall } = await import('#eligibility/actions/reevaluate_call')

  // --- Seeding (not timed) -------------------------------------------------------------
  const seedStart = performance.now()
  const { callId, officerId, v2, eligibleBefore } = await seedCall(db, APPLICATIONS)
  const seedSeconds = (performance.now() - seedStart) / 1000

  // --- The measured run ----------------------------------------------------------------
  const action = new ReevaluateCall()
  const started = performance.now()
  const outcome = await action.handle({
    callId,
    version: 2,
    actor: { id: officerId },
  })
  const seconds = (performance.now() - started) / 1000

  // --- Checks --------------------------------------------------------------------------
  const {
    rows: [check],
  } = await db.rawQuery(
    `SELECT
       (SELECT count(*)::int FROM application_evaluations WHERE rule_set_version_id = ?) AS results,
       (SELECT count(*)::int FROM applications a JOIN application_evaluations e ON e.id = a.evaluation_id
          WHERE a.call_id = ? AND e.rule_set_version_id = ?) AS standing,
       (SELECT count(*)::int FROM applications a JOIN application_evaluations e ON e.id = a.evaluation_id
          WHERE a.call_id = ? AND a.state <> CASE WHEN e.eligible THEN 'eligible' ELSE 'ineligible' END) AS wrong_state,
       (SELECT count(*)::int FROM audit_logs WHERE action = 'application.transition'
          AND metadata->>'job' = 'reevaluation') AS audited`,
    [v2, callId, v2, callId]
  )
  const problems = []
  if (check.results !== APPLICATIONS) problems.push(`${check.results} version 2 results`)
  if (check.standing !== APPLICATIONS) problems.push(`${check.standing} standing on version 2`)
  if (check.wrong_state !== 0) problems.push(`${check.wrong_state} in the wrong state`)
  if (check.audited !== outcome.moved) problems.push(`${check.audited} audit entries`)
  if (outcome.evaluated !== APPLICATIONS) problems.push(`${outcome.evaluated} evaluated`)

  console.log(
    JSON.stringify({
      applications: APPLICATIONS,
      seedSeconds,
      eligibleBefore,
      seconds,
      batchSize: action.batchSize,
      evaluated: outcome.evaluated,
      moved: outcome.moved,
      audited: check.audited,
      consistent: problems.length === 0,
      problem: problems.join('; '),
    })
  )
  await app.terminate()
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.chdir(ROOT)
  measure().catch((error) => {
    console.error(error)
    process.exit(1)
  })
}
