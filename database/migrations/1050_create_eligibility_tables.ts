import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  async up() {
    // A call's eligibility rules and scoring criteria, versioned (DESIGN §4). The latest
    // unpublished version is the officer's working copy; published versions never change.
    this.schema.createTable('rule_set_versions', (table) => {
      table.increments('id')
      table.integer('call_id').notNullable().references('calls.id').onDelete('CASCADE')
      table.integer('version').notNullable()
      table.jsonb('rules').notNullable()
      table.timestamp('published_at', { useTz: true }).nullable()
      table.integer('published_by').nullable().references('users.id')
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['call_id', 'version'])
    })
    this.schema.raw(`
      CREATE OR REPLACE FUNCTION rule_set_versions_published() RETURNS trigger AS $$
      BEGIN
        IF OLD.published_at IS NOT NULL THEN
          RAISE EXCEPTION 'rule set version % is published', OLD.id USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`)
    this.schema.raw(`CREATE TRIGGER rule_set_versions_published BEFORE UPDATE ON rule_set_versions
      FOR EACH ROW EXECUTE FUNCTION rule_set_versions_published()`)

    // One stored result per application and rule set version: evaluating again with the
    // same version replaces nothing and counts nothing twice.
    this.schema.createTable('application_evaluations', (table) => {
      table.bigIncrements('id')
      table
        .integer('application_id')
        .notNullable()
        .references('applications.id')
        .onDelete('CASCADE')
      table
        .integer('rule_set_version_id')
        .notNullable()
        .references('rule_set_versions.id')
        .onDelete('RESTRICT')
      table.boolean('eligible').notNullable()
      table.decimal('score', 5, 2).notNullable()
      table.jsonb('result').notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.unique(['application_id', 'rule_set_version_id'])
    })
    this.schema
      .raw(`ALTER TABLE application_evaluations ADD CONSTRAINT application_evaluations_score_check
      CHECK (score >= 0 AND score <= 100)`)

    // The evaluation that currently stands for the application (until re-evaluated).
    this.schema.alterTable('applications', (table) => {
      table
        .bigInteger('evaluation_id')
        .nullable()
        .references('application_evaluations.id')
        .onDelete('SET NULL')
      // Set when an officer decided the verdict by hand (override, appeal decision):
      // re-evaluating the call then leaves the application's state alone.
      table.integer('verdict_by').nullable().references('users.id').onDelete('SET NULL')
      table.timestamp('appealed_at', { useTz: true }).nullable()
      table.text('appeal_statement').nullable()
    })
  }

  async down() {
    this.schema.alterTable('applications', (table) => {
      table.dropColumn('evaluation_id')
      table.dropColumn('verdict_by')
      table.dropColumn('appealed_at')
      table.dropColumn('appeal_statement')
    })
    this.schema.dropTable('application_evaluations')
    this.schema.dropTable('rule_set_versions')
    this.schema.raw('DROP FUNCTION IF EXISTS rule_set_versions_published()')
  }
}
