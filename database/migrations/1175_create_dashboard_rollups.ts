import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Programme and call dashboards (issue 12) read only rollups: materialized views refreshed
 * together by a BullMQ job (REFRESH … CONCURRENTLY, so readers are never blocked; each view
 * has the unique index that needs), stamped in dashboard_refreshes ("data as of").
 *
 * Gender and age band come from what applicants chose to tell on their profile (both
 * optional, "prefer not to say" is the default), snapshotted on the application at
 * submission with the language they applied in: a later profile change does not rewrite
 * past statistics, and nothing is inferred. Missing values are shown as "not stated".
 *
 * Funnel levels follow the application's current state: the furthest stage it reached
 * (drafts 0, submitted 1, eligible 2, in review 3, awarded 4, contracted 5, disbursing 6,
 * completed 7). A withdrawn application counts as submitted when it had been submitted.
 */
const APPLICATION_ROLLUP = `
  WITH facts AS (
    SELECT a.call_id,
      coalesce(a.region, '') AS region,
      date_trunc('month', coalesce(a.submitted_at, a.created_at) AT TIME ZONE 'Africa/Casablanca')::date AS month,
      CASE
        WHEN a.state = 'draft' OR (a.state = 'withdrawn' AND a.submitted_at IS NULL) THEN 0
        WHEN a.state IN ('submitted', 'screening', 'ineligible', 'appealed', 'withdrawn') THEN 1
        WHEN a.state = 'eligible' THEN 2
        WHEN a.state IN ('in_review', 'shortlisted', 'rejected', 'waitlisted') THEN 3
        WHEN a.state IN ('awarded', 'declined') THEN 4
        WHEN a.state = 'contracted' THEN 5
        WHEN a.state = 'disbursing' THEN 6
        ELSE 7
      END AS level,
      coalesce(a.applicant_gender, 'not_stated') AS gender,
      CASE
        WHEN a.applicant_birth_year IS NULL OR a.submitted_at IS NULL THEN 'not_stated'
        WHEN extract(year FROM a.submitted_at AT TIME ZONE 'Africa/Casablanca') - a.applicant_birth_year < 25 THEN 'under_25'
        WHEN extract(year FROM a.submitted_at AT TIME ZONE 'Africa/Casablanca') - a.applicant_birth_year < 35 THEN '25_34'
        WHEN extract(year FROM a.submitted_at AT TIME ZONE 'Africa/Casablanca') - a.applicant_birth_year < 45 THEN '35_44'
        ELSE '45_plus'
      END AS age_band,
      coalesce(o.kind, 'individual') AS organisation_type,
      coalesce(a.applicant_locale, 'not_stated') AS language,
      a.appealed_at IS NOT NULL AS appealed,
      a.state
    FROM applications a
    LEFT JOIN organizations o ON o.id = a.organization_id
  )
  SELECT call_id, region, month, dimension, value,
    count(*)::int AS drafts,
    count(*) FILTER (WHERE level >= 1)::int AS submitted,
    count(*) FILTER (WHERE level >= 2)::int AS eligible,
    count(*) FILTER (WHERE level >= 3)::int AS in_review,
    count(*) FILTER (WHERE level >= 4)::int AS awarded,
    count(*) FILTER (WHERE level >= 5)::int AS contracted,
    count(*) FILTER (WHERE level >= 6)::int AS disbursing,
    count(*) FILTER (WHERE level >= 7)::int AS completed,
    count(*) FILTER (WHERE appealed)::int AS appeals,
    count(*) FILTER (WHERE appealed AND state = 'appealed')::int AS appeals_pending,
    count(*) FILTER (WHERE appealed AND state = 'ineligible')::int AS appeals_dismissed,
    count(*) FILTER (WHERE appealed AND state = 'withdrawn')::int AS appeals_withdrawn,
    count(*) FILTER (WHERE appealed
      AND state NOT IN ('appealed', 'ineligible', 'withdrawn'))::int AS appeals_upheld
  FROM facts
  CROSS JOIN LATERAL (VALUES ('all', 'all'), ('gender', gender), ('age_band', age_band),
    ('organisation_type', organisation_type), ('language', language)) AS d (dimension, value)
  GROUP BY call_id, region, month, dimension, value`

/** Durations as day histograms, so medians stay exact whatever the filters add up. */
const DURATION_ROLLUP = `
  SELECT a.call_id, coalesce(a.region, '') AS region,
    date_trunc('month', a.submitted_at AT TIME ZONE 'Africa/Casablanca')::date AS month,
    'decision'::text AS measure,
    greatest(0, floor(extract(epoch FROM d.published_at - a.submitted_at) / 86400))::int AS days,
    count(*)::int AS n
  FROM decisions d
  JOIN applications a ON a.id = d.application_id
  WHERE d.published_at IS NOT NULL AND a.submitted_at IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5
  UNION ALL
  SELECT a.call_id, coalesce(a.region, ''),
    date_trunc('month', a.submitted_at AT TIME ZONE 'Africa/Casablanca')::date,
    'first_payment',
    greatest(0, floor(extract(epoch FROM p.first_paid_at - d.published_at) / 86400))::int,
    count(*)::int
  FROM (SELECT agreement_id, min(paid_at) AS first_paid_at FROM tranches
    WHERE paid_at IS NOT NULL GROUP BY agreement_id) p
  JOIN agreements g ON g.id = p.agreement_id
  JOIN decisions d ON d.id = g.decision_id
  JOIN applications a ON a.id = g.application_id
  WHERE d.published_at IS NOT NULL AND a.submitted_at IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5`

/** Money moved per month (Casablanca) from the ledger: commitments net of releases, etc. */
const MONEY_ROLLUP = `
  SELECT l.call_id, coalesce(a.region, '') AS region,
    date_trunc('month', l.created_at AT TIME ZONE 'Africa/Casablanca')::date AS month,
    sum(CASE l.kind WHEN 'commit' THEN l.amount_centimes
      WHEN 'release' THEN -l.amount_centimes ELSE 0 END)::bigint AS committed_centimes,
    sum(CASE l.kind WHEN 'disburse' THEN l.amount_centimes
      WHEN 'reverse' THEN -l.amount_centimes ELSE 0 END)::bigint AS disbursed_centimes
  FROM ledger_entries l
  LEFT JOIN decisions d ON d.id = l.decision_id
  LEFT JOIN tranches t ON t.id = l.tranche_id
  LEFT JOIN agreements g ON g.id = t.agreement_id
  LEFT JOIN applications a ON a.id = coalesce(d.application_id, g.application_id)
  GROUP BY 1, 2, 3`

/** Reviewers' load and lateness, as of the refresh (overdue: not submitted, past due). */
const REVIEWER_ROLLUP = `
  SELECT r.call_id, r.reviewer_id, coalesce(a.region, '') AS region,
    date_trunc('month', coalesce(a.submitted_at, a.created_at) AT TIME ZONE 'Africa/Casablanca')::date AS month,
    count(*)::int AS assigned,
    count(*) FILTER (WHERE r.state = 'submitted')::int AS submitted,
    count(*) FILTER (WHERE r.state = 'submitted' AND r.submitted_at > r.due_at)::int AS submitted_late,
    count(*) FILTER (WHERE r.state <> 'submitted' AND r.due_at < now())::int AS overdue,
    coalesce(sum(floor(extract(epoch FROM coalesce(r.submitted_at, now()) - r.due_at) / 86400))
      FILTER (WHERE coalesce(r.submitted_at, now()) > r.due_at), 0)::int AS days_late
  FROM reviews r
  JOIN applications a ON a.id = r.application_id
  GROUP BY 1, 2, 3, 4`

const CALL_ROLLUP = `
  SELECT c.id AS call_id, c.programme_id, p.kind AS programme_kind,
    coalesce(p.stage, 'none') AS stage, p.title AS programme_title, c.title, c.opens_at,
    c.envelope_centimes, c.committed_centimes, c.disbursed_centimes
  FROM calls c
  JOIN programmes p ON p.id = c.programme_id`

export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('users', (table) => {
      table.string('gender', 8).nullable()
      table.smallint('birth_year').nullable()
    })
    this.schema.raw(`ALTER TABLE users ADD CONSTRAINT users_inclusion_check
      CHECK ((gender IS NULL OR gender IN ('female', 'male'))
        AND (birth_year IS NULL OR birth_year BETWEEN 1900 AND 2100))`)
    this.schema.alterTable('applications', (table) => {
      table.string('applicant_gender', 8).nullable()
      table.smallint('applicant_birth_year').nullable()
      table.string('applicant_locale', 8).nullable()
    })
    // Applications submitted before the snapshot existed: the language is still known.
    this.schema.raw(`UPDATE applications a SET applicant_locale = u.preferred_locale
      FROM users u WHERE u.id = a.applicant_id AND a.submitted_at IS NOT NULL`)

    this.schema.createTable('dashboard_refreshes', (table) => {
      table.increments('id')
      table.timestamp('refreshed_at', { useTz: true }).notNullable()
      table.integer('duration_ms').notNullable()
    })

    const views: Array<[string, string, string]> = [
      [
        'dashboard_application_rollup',
        APPLICATION_ROLLUP,
        'call_id, region, month, dimension, value',
      ],
      ['dashboard_duration_rollup', DURATION_ROLLUP, 'call_id, region, month, measure, days'],
      ['dashboard_money_rollup', MONEY_ROLLUP, 'call_id, region, month'],
      ['dashboard_reviewer_rollup', REVIEWER_ROLLUP, 'call_id, reviewer_id, region, month'],
      ['dashboard_call_rollup', CALL_ROLLUP, 'call_id'],
    ]
    for (const [name, query, key] of views) {
      this.schema.raw(`CREATE MATERIALIZED VIEW ${name} AS ${query}`)
      this.schema.raw(`CREATE UNIQUE INDEX ${name}_key ON ${name} (${key})`)
    }
  }

  async down() {
    for (const name of [
      'dashboard_call_rollup',
      'dashboard_reviewer_rollup',
      'dashboard_money_rollup',
      'dashboard_duration_rollup',
      'dashboard_application_rollup',
    ]) {
      this.schema.raw(`DROP MATERIALIZED VIEW ${name}`)
    }
    this.schema.dropTable('dashboard_refreshes')
    this.schema.alterTable('applications', (table) => {
      table.dropColumn('applicant_gender')
      table.dropColumn('applicant_birth_year')
      table.dropColumn('applicant_locale')
    })
    this.schema.raw(`ALTER TABLE users DROP CONSTRAINT users_inclusion_check`)
    this.schema.alterTable('users', (table) => {
      table.dropColumn('gender')
      table.dropColumn('birth_year')
    })
  }
}
