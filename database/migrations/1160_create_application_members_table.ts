import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Co-applicants (issue 14): people the applicant invites onto one application. The
 * applicant (`applications.applicant_id`) stays its owner, the one source of truth every
 * policy, decision, agreement and erasure already reads; a row here is an editor or a
 * viewer, invited by email with a single-use link (only its SHA-256 is stored) and bound
 * to an account when accepted.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('application_members', (table) => {
      table.increments('id')
      table
        .integer('application_id')
        .notNullable()
        .references('applications.id')
        .onDelete('CASCADE')
      table.integer('user_id').nullable().references('users.id').onDelete('RESTRICT')
      table.string('email', 254).notNullable()
      table.string('role', 8).notNullable()
      table.boolean('can_submit').notNullable().defaultTo(false)
      table.integer('invited_by').notNullable().references('users.id').onDelete('RESTRICT')
      table.timestamp('invited_at', { useTz: true }).notNullable()
      table.timestamp('accepted_at', { useTz: true }).nullable()
      table.timestamp('revoked_at', { useTz: true }).nullable()
      table.integer('revoked_by').nullable().references('users.id').onDelete('RESTRICT')
      table.string('token_hash', 64).nullable().unique()
      table.timestamp('token_expires_at', { useTz: true }).nullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
    })
    this.schema.raw(`ALTER TABLE application_members ADD CONSTRAINT application_members_role_check
      CHECK (role IN ('editor', 'viewer'))`)
    // Submitting is an editor's right only; a viewer reads.
    this.schema.raw(`ALTER TABLE application_members ADD CONSTRAINT application_members_submit_check
      CHECK (NOT can_submit OR role = 'editor')`)
    // Accepted means bound to an account, at a time.
    this.schema
      .raw(`ALTER TABLE application_members ADD CONSTRAINT application_members_accepted_check
      CHECK ((accepted_at IS NULL) = (user_id IS NULL))`)
    // One live invitation per address and one live membership per person: two accepts of
    // one invitation at once, or two invitations of one person, make one member.
    this.schema.raw(`CREATE UNIQUE INDEX application_members_one_per_email
      ON application_members (application_id, lower(email)) WHERE revoked_at IS NULL`)
    this.schema.raw(`CREATE UNIQUE INDEX application_members_one_per_person
      ON application_members (application_id, user_id)
      WHERE revoked_at IS NULL AND user_id IS NOT NULL`)
    // "My applications" and every policy check look members up by person.
    this.schema.raw(`CREATE INDEX application_members_by_user ON application_members (user_id)
      WHERE revoked_at IS NULL AND user_id IS NOT NULL`)
  }

  async down() {
    this.schema.dropTable('application_members')
  }
}
