import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Law 09-08 (issue 13): the requests a person makes about their data (export, erasure)
 * with the legal deadline, and their consents, dated, so a withdrawal is on record.
 * A user row is never deleted (erasure pseudonymises it), hence no cascade on user_id.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('data_requests', (table) => {
      table.increments('id')
      table.integer('user_id').notNullable().references('users.id')
      table.string('kind', 16).notNullable()
      table.string('state', 16).notNullable().defaultTo('pending')
      // The controller's legal deadline to answer (PRIVACY_REQUEST_DEADLINE_DAYS).
      table.date('due_on').notNullable()
      // Export: the zip on the private disk, and when its link stops working.
      table.string('storage_key', 200).nullable()
      table.timestamp('expires_at', { useTz: true }).nullable()
      table.string('refusal_reason', 64).nullable()
      table.integer('handled_by').nullable().references('users.id')
      table.timestamp('completed_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['state', 'due_on'])
    })
    this.schema.raw(`ALTER TABLE data_requests ADD CONSTRAINT data_requests_kind_check
      CHECK (kind IN ('export', 'erasure'))`)
    this.schema.raw(`ALTER TABLE data_requests ADD CONSTRAINT data_requests_state_check
      CHECK (state IN ('pending', 'processing', 'ready', 'completed', 'refused', 'expired'))`)
    // One open request of each kind per person: a double click files one request.
    this.schema.raw(`CREATE UNIQUE INDEX data_requests_one_open ON data_requests (user_id, kind)
      WHERE state IN ('pending', 'processing')`)

    this.schema.createTable('user_consents', (table) => {
      table.increments('id')
      table.integer('user_id').notNullable().references('users.id')
      table.string('purpose', 32).notNullable()
      table.timestamp('granted_at', { useTz: true }).notNullable()
      table.timestamp('withdrawn_at', { useTz: true }).nullable()
      table.unique(['user_id', 'purpose'])
    })
    this.schema.raw(`ALTER TABLE user_consents ADD CONSTRAINT user_consents_purpose_check
      CHECK (purpose IN ('processing', 'programme_news'))`)
    // When the person was erased (pseudonymised), and when an application's free text was
    // replaced by the retention job or an erasure: neither is done twice.
    this.schema.alterTable('users', (table) => {
      table.timestamp('erased_at', { useTz: true }).nullable()
    })
    this.schema.alterTable('applications', (table) => {
      table.timestamp('pseudonymised_at', { useTz: true }).nullable()
    })
    // Everyone who signed up so far gave the processing consent (sign-up requires it).
    this.schema.raw(`INSERT INTO user_consents (user_id, purpose, granted_at)
      SELECT id, 'processing', created_at FROM users`)
  }

  async down() {
    this.schema.alterTable('applications', (table) => table.dropColumn('pseudonymised_at'))
    this.schema.alterTable('users', (table) => table.dropColumn('erased_at'))
    this.schema.dropTable('user_consents')
    this.schema.dropTable('data_requests')
  }
}
