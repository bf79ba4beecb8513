import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  async up() {
    // A trainee cannot hold two cohorts whose dates overlap: an exclusion constraint
    // over (trainee, date range) needs btree_gist for the equality part.
    this.schema.raw(`CREATE EXTENSION IF NOT EXISTS btree_gist`)

    this.schema.createTable('courses', (table) => {
      table.increments('id')
      table.integer('institute_id').notNullable().references('institutes.id').onDelete('RESTRICT')
      table.string('code', 32).notNullable().unique()
      table.jsonb('title').notNullable()
      table.jsonb('summary').notNullable().defaultTo('{}')
      table.string('track', 16).notNullable()
      table.string('level', 16).notNullable()
      // The language the course is taught in.
      table.string('language', 8).notNullable()
      table.jsonb('prerequisites').notNullable().defaultTo('{}')
      // Share of sessions a trainee must attend to complete, in percent.
      table.integer('attendance_threshold').notNullable().defaultTo(80)
      table.integer('hours').notNullable().defaultTo(0)
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['institute_id'])
    })
    this.schema.raw(`ALTER TABLE courses ADD CONSTRAINT courses_values_check
      CHECK (track IN ('ai', 'data_science', 'cloud', 'cybersecurity')
        AND level IN ('beginner', 'intermediate', 'advanced')
        AND language IN ('fr', 'ar', 'zgh', 'en')
        AND attendance_threshold BETWEEN 0 AND 100 AND hours >= 0)`)

    this.schema.createTable('cohorts', (table) => {
      table.increments('id')
      table.integer('course_id').notNullable().references('courses.id').onDelete('RESTRICT')
      // Denormalised from the course: coordinators' access checks and the catalogue filter on it.
      table.integer('institute_id').notNullable().references('institutes.id').onDelete('RESTRICT')
      table.string('state', 10).notNullable().defaultTo('draft')
      table.date('starts_on').notNullable()
      table.date('ends_on').notNullable()
      table.timestamp('enrolment_closes_at', { useTz: true }).notNullable()
      table.integer('capacity').notNullable()
      // Seats held by accepted trainees; taken with UPDATE … WHERE seats_taken < capacity.
      table.integer('seats_taken').notNullable().defaultTo(0)
      table.string('mode', 8).notNullable()
      table.string('selection', 8).notNullable().defaultTo('fcfs')
      // Eligibility rules (DESIGN §4 rule set, checked against the enrolment form), optional.
      table.jsonb('eligibility_rules').nullable()
      table.timestamp('closed_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['institute_id', 'state'])
      table.index(['state', 'starts_on'])
    })
    this.schema.raw(`ALTER TABLE cohorts ADD CONSTRAINT cohorts_values_check
      CHECK (state IN ('draft', 'open', 'running', 'closed')
        AND mode IN ('on_site', 'online') AND selection IN ('fcfs', 'merit')
        AND starts_on <= ends_on AND capacity >= 1
        AND seats_taken >= 0 AND seats_taken <= capacity)`)

    this.schema.createTable('cohort_sessions', (table) => {
      table.increments('id')
      table.integer('cohort_id').notNullable().references('cohorts.id').onDelete('CASCADE')
      table.timestamp('starts_at', { useTz: true }).notNullable()
      table.timestamp('ends_at', { useTz: true }).notNullable()
      table.jsonb('topic').notNullable().defaultTo('{}')
      table.index(['cohort_id', 'starts_at'])
    })
    this.schema.raw(`ALTER TABLE cohort_sessions ADD CONSTRAINT cohort_sessions_window_check
      CHECK (starts_at < ends_at)`)

    this.schema.createTable('enrolments', (table) => {
      table.increments('id')
      table.integer('cohort_id').notNullable().references('cohorts.id').onDelete('RESTRICT')
      table.integer('trainee_id').notNullable().references('users.id').onDelete('RESTRICT')
      table.string('state', 12).notNullable()
      // Order on the waitlist (lower first); null unless waitlisted.
      table.bigInteger('waitlist_position').nullable()
      // Merit score from the cohort's rules (0–100), when selection is by merit.
      table.decimal('score', 5, 2).nullable()
      table.jsonb('answers').notNullable().defaultTo('{}')
      table.jsonb('evaluation').nullable()
      // Copied from the cohort: the overlap constraint below needs them on this row.
      table.date('starts_on').notNullable()
      table.date('ends_on').notNullable()
      // For the national numbers (DESIGN §8 inclusion): from the enrolment form.
      table.string('gender', 8).nullable()
      table.string('region', 64).nullable()
      table.date('birth_date').nullable()
      table.decimal('assessment_score', 5, 2).nullable()
      table.boolean('assessment_passed').nullable()
      table.timestamp('completed_at', { useTz: true }).nullable()
      table.timestamp('withdrawn_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['trainee_id'])
      table.index(['cohort_id', 'state', 'waitlist_position'])
    })
    this.schema.raw(`ALTER TABLE enrolments ADD CONSTRAINT enrolments_values_check
      CHECK (state IN ('accepted', 'waitlisted', 'ineligible', 'withdrawn', 'completed', 'failed')
        AND (state = 'waitlisted') = (waitlist_position IS NOT NULL)
        AND (gender IS NULL OR gender IN ('female', 'male'))
        AND (assessment_score IS NULL OR assessment_score BETWEEN 0 AND 100))`)
    // One live enrolment per trainee and cohort.
    this.schema.raw(`CREATE UNIQUE INDEX enrolments_one_per_cohort ON enrolments
      (cohort_id, trainee_id) WHERE state NOT IN ('withdrawn', 'ineligible')`)
    this.schema.raw(`CREATE UNIQUE INDEX enrolments_waitlist_position_unique ON enrolments
      (cohort_id, waitlist_position) WHERE waitlist_position IS NOT NULL`)
    this.schema.raw(`ALTER TABLE enrolments ADD CONSTRAINT enrolments_no_overlap
      EXCLUDE USING gist (trainee_id WITH =, daterange(starts_on, ends_on, '[]') WITH &&)
      WHERE (state IN ('accepted', 'waitlisted'))`)

    this.schema.createTable('attendances', (table) => {
      table.integer('session_id').notNullable().references('cohort_sessions.id').onDelete('CASCADE')
      table.integer('enrolment_id').notNullable().references('enrolments.id').onDelete('CASCADE')
      table.boolean('present').notNullable()
      table.integer('marked_by').notNullable().references('users.id')
      table.timestamp('marked_at', { useTz: true }).notNullable()
      table.primary(['session_id', 'enrolment_id'])
      table.index(['enrolment_id'])
    })

    this.schema.createTable('certificates', (table) => {
      table.increments('id')
      table
        .integer('enrolment_id')
        .notNullable()
        .unique()
        .references('enrolments.id')
        .onDelete('RESTRICT')
      // Public verification code (unguessable, printed on the PDF).
      table.string('code', 32).notNullable().unique()
      // What the certificate says, frozen at issue: a later change of name does not alter it.
      table.string('trainee_name', 160).notNullable()
      table.string('locale', 8).notNullable()
      table.timestamp('issued_at', { useTz: true }).notNullable()
      table.timestamp('revoked_at', { useTz: true }).nullable()
      table.text('revocation_reason').nullable()
      table.integer('revoked_by').nullable().references('users.id')
    })
    this.schema.raw(`ALTER TABLE certificates ADD CONSTRAINT certificates_revocation_check
      CHECK ((revoked_at IS NULL) = (revocation_reason IS NULL))`)
  }

  async down() {
    for (const name of [
      'certificates',
      'attendances',
      'enrolments',
      'cohort_sessions',
      'cohorts',
      'courses',
    ]) {
      this.schema.dropTable(name)
    }
  }
}
