import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  async up() {
    this.schema.createTable('audit_logs', (table) => {
      table.bigIncrements('id')
      table.integer('actor_id').nullable().references('users.id').onDelete('SET NULL')
      table.string('action', 64).notNullable()
      table.string('subject_type', 64).notNullable()
      table.string('subject_id', 64).notNullable()
      table.string('from_state', 32).nullable()
      table.string('to_state', 32).nullable()
      table.text('reason').nullable()
      table.jsonb('metadata').notNullable().defaultTo('{}')
      table.string('request_id', 64).nullable()
      table.string('ip', 64).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.index(['subject_type', 'subject_id', 'id'])
      table.index(['actor_id', 'id'])
      table.index(['action', 'id'])
    })
    // Append-only, enforced by the database itself: no UPDATE, DELETE or TRUNCATE.
    this.schema.raw(`
      CREATE OR REPLACE FUNCTION audit_logs_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_logs is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`)
    this.schema
      .raw(`CREATE TRIGGER audit_logs_no_update_delete BEFORE UPDATE OR DELETE ON audit_logs
      FOR EACH ROW EXECUTE FUNCTION audit_logs_append_only()`)
    this.schema.raw(`CREATE TRIGGER audit_logs_no_truncate BEFORE TRUNCATE ON audit_logs
      FOR EACH STATEMENT EXECUTE FUNCTION audit_logs_append_only()`)
  }

  async down() {
    this.schema.dropTable('audit_logs')
    this.schema.raw('DROP FUNCTION IF EXISTS audit_logs_append_only()')
  }
}
