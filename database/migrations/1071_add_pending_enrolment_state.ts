import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Merit selection: an eligible trainee waits in 'pending', with their score, until the
 * coordinator runs the selection after enrolment closes. A pending enrolment already
 * holds the trainee's dates, so the no-overlap exclusion covers it too.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`ALTER TABLE enrolments DROP CONSTRAINT enrolments_values_check`)
    this.schema.raw(`ALTER TABLE enrolments ADD CONSTRAINT enrolments_values_check
      CHECK (state IN ('pending', 'accepted', 'waitlisted', 'ineligible', 'withdrawn',
                       'completed', 'failed')
        AND (state = 'waitlisted') = (waitlist_position IS NOT NULL)
        AND (gender IS NULL OR gender IN ('female', 'male'))
        AND (assessment_score IS NULL OR assessment_score BETWEEN 0 AND 100))`)
    this.schema.raw(`ALTER TABLE enrolments DROP CONSTRAINT enrolments_no_overlap`)
    this.schema.raw(`ALTER TABLE enrolments ADD CONSTRAINT enrolments_no_overlap
      EXCLUDE USING gist (trainee_id WITH =, daterange(starts_on, ends_on, '[]') WITH &&)
      WHERE (state IN ('pending', 'accepted', 'waitlisted'))`)
  }

  async down() {
    this.schema.raw(`DELETE FROM enrolments WHERE state = 'pending'`)
    this.schema.raw(`ALTER TABLE enrolments DROP CONSTRAINT enrolments_no_overlap`)
    this.schema.raw(`ALTER TABLE enrolments ADD CONSTRAINT enrolments_no_overlap
      EXCLUDE USING gist (trainee_id WITH =, daterange(starts_on, ends_on, '[]') WITH &&)
      WHERE (state IN ('accepted', 'waitlisted'))`)
    this.schema.raw(`ALTER TABLE enrolments DROP CONSTRAINT enrolments_values_check`)
    this.schema.raw(`ALTER TABLE enrolments ADD CONSTRAINT enrolments_values_check
      CHECK (state IN ('accepted', 'waitlisted', 'ineligible', 'withdrawn', 'completed', 'failed')
        AND (state = 'waitlisted') = (waitlist_position IS NOT NULL)
        AND (gender IS NULL OR gender IN ('female', 'male'))
        AND (assessment_score IS NULL OR assessment_score BETWEEN 0 AND 100))`)
  }
}
