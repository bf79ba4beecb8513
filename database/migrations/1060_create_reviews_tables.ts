import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  async up() {
    // The call's budget ledger (DESIGN §6): committed = sum of awards, disbursed = sum of
    // paid tranches. The CHECK is the last word under any concurrency: no award beyond
    // the envelope, no payment beyond what was committed.
    this.schema.alterTable('calls', (table) => {
      table.bigInteger('committed_centimes').notNullable().defaultTo(0)
      table.bigInteger('disbursed_centimes').notNullable().defaultTo(0)
    })
    this.schema.raw(`ALTER TABLE calls ADD CONSTRAINT calls_ledger_check
      CHECK (envelope_centimes >= committed_centimes AND committed_centimes >= disbursed_centimes
        AND disbursed_centimes >= 0)`)

    // An award may be declined by the applicant; the freed budget goes to the reserve list.
    this.schema.raw(`ALTER TABLE applications DROP CONSTRAINT applications_state_check`)
    this.schema.raw(`ALTER TABLE applications ADD CONSTRAINT applications_state_check
      CHECK (state IN ('draft', 'submitted', 'screening', 'eligible', 'ineligible', 'appealed',
        'in_review', 'shortlisted', 'rejected', 'awarded', 'waitlisted', 'declined', 'contracted',
        'disbursing', 'completed', 'withdrawn'))`)

    // The scoring rubric of a call (DESIGN §5). Criteria: [{ key, label, guidance, weight }]
    // with per-locale label and guidance. Locked once a review is submitted against it.
    this.schema.createTable('call_rubrics', (table) => {
      table.increments('id')
      table.integer('call_id').notNullable().unique().references('calls.id').onDelete('CASCADE')
      table.jsonb('criteria').notNullable()
      table.integer('scale_max').notNullable().defaultTo(5)
      table.integer('reviews_per_application').notNullable().defaultTo(3)
      table.integer('review_days').notNullable().defaultTo(14)
      // Standard deviation of the reviewers' scores (on the 0–100 scale) above which an
      // application is flagged for the committee session.
      table.decimal('disagreement_threshold', 6, 2).notNullable().defaultTo(15)
      // Final score (0–100) an application needs to be ranked for an award.
      table.decimal('award_threshold', 6, 2).notNullable().defaultTo(60)
      table.timestamp('locked_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
    })
    this.schema.raw(`ALTER TABLE call_rubrics ADD CONSTRAINT call_rubrics_numbers_check
      CHECK (scale_max BETWEEN 1 AND 100 AND reviews_per_application BETWEEN 1 AND 10
        AND review_days BETWEEN 1 AND 90 AND disagreement_threshold >= 0
        AND award_threshold BETWEEN 0 AND 100)`)

    this.schema.createTable('committee_members', (table) => {
      table.increments('id')
      table.integer('call_id').notNullable().references('calls.id').onDelete('CASCADE')
      table.integer('user_id').notNullable().references('users.id').onDelete('RESTRICT')
      table.string('role', 8).notNullable().defaultTo('member')
      table.specificType('expertise', 'text[]').notNullable().defaultTo('{}')
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.unique(['call_id', 'user_id'])
    })
    this.schema.raw(`ALTER TABLE committee_members ADD CONSTRAINT committee_members_role_check
      CHECK (role IN ('member', 'chair'))`)
    this.schema.raw(`CREATE UNIQUE INDEX committee_members_one_chair ON committee_members (call_id)
      WHERE role = 'chair'`)

    // Conflicts of interest: declared by a reviewer or detected (same organization, same
    // email domain), on one application or on everything an organization files.
    this.schema.createTable('review_conflicts', (table) => {
      table.increments('id')
      table.integer('call_id').notNullable().references('calls.id').onDelete('CASCADE')
      table.integer('reviewer_id').notNullable().references('users.id').onDelete('CASCADE')
      table.integer('application_id').nullable().references('applications.id').onDelete('CASCADE')
      table.integer('organization_id').nullable().references('organizations.id').onDelete('CASCADE')
      table.string('source', 16).notNullable()
      table.text('reason').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['call_id', 'reviewer_id'])
    })
    this.schema.raw(`ALTER TABLE review_conflicts ADD CONSTRAINT review_conflicts_target_check
      CHECK ((application_id IS NULL) <> (organization_id IS NULL))`)
    this.schema.raw(`ALTER TABLE review_conflicts ADD CONSTRAINT review_conflicts_source_check
      CHECK (source IN ('declared', 'organization', 'email_domain'))`)
    this.schema.raw(`CREATE UNIQUE INDEX review_conflicts_application_unique
      ON review_conflicts (reviewer_id, application_id) WHERE application_id IS NOT NULL`)
    this.schema.raw(`CREATE UNIQUE INDEX review_conflicts_organization_unique
      ON review_conflicts (call_id, reviewer_id, organization_id) WHERE organization_id IS NOT NULL`)

    // One row per assignment; it carries the review itself. scores:
    // { "<criterion key>": { "score": 4, "comment": "…" } }, kept as typed while a draft.
    this.schema.createTable('reviews', (table) => {
      table.increments('id')
      table.integer('call_id').notNullable().references('calls.id').onDelete('CASCADE')
      table
        .integer('application_id')
        .notNullable()
        .references('applications.id')
        .onDelete('CASCADE')
      table.integer('reviewer_id').notNullable().references('users.id').onDelete('RESTRICT')
      table.string('state', 12).notNullable().defaultTo('assigned')
      // null: the automatic assignment; otherwise the officer who assigned by hand.
      table.integer('assigned_by').nullable().references('users.id')
      table.timestamp('due_at', { useTz: true }).notNullable()
      table.jsonb('scores').notNullable().defaultTo('{}')
      // Weighted mean of the criteria, on 0–100, set at submission.
      table.decimal('weighted_score', 6, 3).nullable()
      table.timestamp('submitted_at', { useTz: true }).nullable()
      table.timestamp('reminded_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['application_id', 'reviewer_id'])
      table.index(['reviewer_id', 'state'])
      table.index(['call_id', 'application_id'])
    })
    this.schema.raw(`ALTER TABLE reviews ADD CONSTRAINT reviews_state_check
      CHECK (state IN ('assigned', 'draft', 'submitted'))`)
    this.schema.raw(`ALTER TABLE reviews ADD CONSTRAINT reviews_submission_check
      CHECK ((state = 'submitted') = (submitted_at IS NOT NULL)
        AND (state = 'submitted') = (weighted_score IS NOT NULL)
        AND (weighted_score IS NULL OR weighted_score BETWEEN 0 AND 100))`)

    // Aggregates per application, recomputed whenever a review is submitted.
    this.schema.createTable('review_aggregates', (table) => {
      table.integer('application_id').primary().references('applications.id').onDelete('CASCADE')
      table.integer('call_id').notNullable().references('calls.id').onDelete('CASCADE')
      table.integer('review_count').notNullable()
      table.decimal('mean_score', 6, 3).notNullable()
      table.decimal('std_dev', 6, 3).notNullable()
      // Mean of the per-reviewer z-scores, mapped back to 0–100 around the call's mean.
      table.decimal('normalized_score', 6, 3).notNullable()
      table.boolean('disagreement').notNullable().defaultTo(false)
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['call_id'])
    })

    this.schema.createTable('committee_sessions', (table) => {
      table.increments('id')
      table.integer('call_id').notNullable().references('calls.id').onDelete('CASCADE')
      table.timestamp('held_at', { useTz: true }).notNullable()
      table.string('state', 8).notNullable().defaultTo('planned')
      table.integer('quorum').notNullable()
      // The procès-verbal: signed off by the chair, then frozen.
      table.integer('signed_by').nullable().references('users.id')
      table.timestamp('signed_at', { useTz: true }).nullable()
      table.string('minutes_sha256', 64).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['call_id'])
    })
    this.schema.raw(`ALTER TABLE committee_sessions ADD CONSTRAINT committee_sessions_state_check
      CHECK (state IN ('planned', 'open', 'closed') AND quorum >= 1
        AND (state = 'closed') = (signed_at IS NOT NULL))`)

    this.schema.createTable('session_attendances', (table) => {
      table
        .integer('session_id')
        .notNullable()
        .references('committee_sessions.id')
        .onDelete('CASCADE')
      table.integer('user_id').notNullable().references('users.id').onDelete('RESTRICT')
      table.boolean('present').notNullable()
      table.primary(['session_id', 'user_id'])
    })

    // The agenda: one item per application discussed, with the consensus reached.
    this.schema.createTable('session_items', (table) => {
      table.increments('id')
      table
        .integer('session_id')
        .notNullable()
        .references('committee_sessions.id')
        .onDelete('CASCADE')
      table
        .integer('application_id')
        .notNullable()
        .references('applications.id')
        .onDelete('CASCADE')
      table.integer('position').notNullable()
      table.string('reason', 16).notNullable()
      table.decimal('consensus_score', 6, 3).nullable()
      table.string('recommendation', 12).nullable()
      table.text('rationale').nullable()
      table.timestamp('decided_at', { useTz: true }).nullable()
      table.unique(['session_id', 'application_id'])
    })
    this.schema.raw(`ALTER TABLE session_items ADD CONSTRAINT session_items_values_check
      CHECK (reason IN ('disagreement', 'borderline', 'other')
        AND (recommendation IS NULL OR recommendation IN ('award', 'reserve', 'reject'))
        AND (consensus_score IS NULL OR consensus_score BETWEEN 0 AND 100)
        AND (decided_at IS NULL OR (consensus_score IS NOT NULL AND rationale IS NOT NULL)))`)

    // The decision on an application (DESIGN §5): one per application. An award carries
    // its amount (committed to the call's budget) and the applicant's answer.
    this.schema.createTable('decisions', (table) => {
      table.increments('id')
      table.integer('call_id').notNullable().references('calls.id').onDelete('RESTRICT')
      table
        .integer('application_id')
        .notNullable()
        .unique()
        .references('applications.id')
        .onDelete('RESTRICT')
      table.string('outcome', 12).notNullable()
      table.decimal('final_score', 6, 3).nullable()
      table.integer('rank').nullable()
      // Position on the ordered reserve list while waitlisted.
      table.integer('reserve_position').nullable()
      table.bigInteger('amount_centimes').nullable()
      table.jsonb('conditions').notNullable().defaultTo('[]')
      table.jsonb('reasons').notNullable().defaultTo('[]')
      table.string('response', 10).nullable()
      table.timestamp('responded_at', { useTz: true }).nullable()
      table.integer('decided_by').notNullable().references('users.id')
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['call_id', 'outcome'])
    })
    this.schema.raw(`ALTER TABLE decisions ADD CONSTRAINT decisions_values_check
      CHECK (outcome IN ('awarded', 'waitlisted', 'rejected')
        AND (outcome = 'awarded') = (amount_centimes IS NOT NULL)
        AND (amount_centimes IS NULL OR amount_centimes > 0)
        AND (outcome = 'waitlisted') = (reserve_position IS NOT NULL)
        AND (response IS NULL OR (outcome = 'awarded' AND response IN ('accepted', 'declined')))
        AND (response IS NULL) = (responded_at IS NULL))`)
    this.schema.raw(`CREATE UNIQUE INDEX decisions_reserve_position_unique
      ON decisions (call_id, reserve_position) WHERE reserve_position IS NOT NULL`)
  }

  async down() {
    for (const name of [
      'decisions',
      'session_items',
      'session_attendances',
      'committee_sessions',
      'review_aggregates',
      'reviews',
      'review_conflicts',
      'committee_members',
      'call_rubrics',
    ]) {
      this.schema.dropTable(name)
    }
    this.schema.raw(`ALTER TABLE calls DROP CONSTRAINT calls_ledger_check`)
    this.schema.alterTable('calls', (table) => {
      table.dropColumn('committed_centimes')
      table.dropColumn('disbursed_centimes')
    })
  }
}
