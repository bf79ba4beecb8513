import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Issue 14: drafts not submitted N days before the closing date get one mail (N per
 * call), and an officer may give one applicant of a call a later closing instant.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('calls', (table) => {
      table.integer('draft_reminder_days').notNullable().defaultTo(3)
    })
    this.schema.raw(`ALTER TABLE calls ADD CONSTRAINT calls_draft_reminder_days_check
      CHECK (draft_reminder_days BETWEEN 0 AND 60)`)

    // One reminder per draft, ever: the primary key makes a rerun of the job mail nobody.
    this.schema.createTable('draft_reminders', (table) => {
      table.integer('application_id').primary().references('applications.id').onDelete('CASCADE')
      table.timestamp('sent_at', { useTz: true }).notNullable()
    })

    // One extension per applicant and call (granting again moves it; the audit log keeps
    // every grant with its reason).
    this.schema.createTable('deadline_extensions', (table) => {
      table.increments('id')
      table.integer('call_id').notNullable().references('calls.id').onDelete('CASCADE')
      table
        .integer('application_id')
        .notNullable()
        .unique()
        .references('applications.id')
        .onDelete('CASCADE')
      table.timestamp('closes_at', { useTz: true }).notNullable()
      table.text('reason').notNullable()
      table.integer('granted_by').notNullable().references('users.id').onDelete('RESTRICT')
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['call_id'])
    })
  }

  async down() {
    this.schema.dropTable('deadline_extensions')
    this.schema.dropTable('draft_reminders')
    this.schema.alterTable('calls', (table) => {
      table.dropColumn('draft_reminder_days')
    })
  }
}
