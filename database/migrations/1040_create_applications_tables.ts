import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  async up() {
    // A call's application form, versioned: a version that a submitted application
    // points to is frozen; editing it then writes the next version (DESIGN §2–§3).
    this.schema.createTable('form_versions', (table) => {
      table.increments('id')
      table.integer('call_id').notNullable().references('calls.id').onDelete('CASCADE')
      table.integer('version').notNullable()
      table.jsonb('definition').notNullable()
      table.timestamp('frozen_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['call_id', 'version'])
    })
    this.schema.raw(
      `ALTER TABLE form_versions ADD CONSTRAINT form_versions_version_check CHECK (version >= 1)`
    )
    // Frozen means frozen: the database refuses to rewrite a definition already used.
    this.schema.raw(`
      CREATE OR REPLACE FUNCTION form_versions_frozen() RETURNS trigger AS $$
      BEGIN
        IF OLD.frozen_at IS NOT NULL AND NEW.definition IS DISTINCT FROM OLD.definition THEN
          RAISE EXCEPTION 'form version % is frozen', OLD.id USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`)
    this.schema.raw(`CREATE TRIGGER form_versions_frozen BEFORE UPDATE ON form_versions
      FOR EACH ROW EXECUTE FUNCTION form_versions_frozen()`)

    // Reference numbers (SM-2026-000123): one counter per prefix and year, taken with
    // an UPDATE … RETURNING so concurrent submissions never share a number.
    this.schema.createTable('reference_counters', (table) => {
      table.string('prefix', 8).notNullable()
      table.integer('year').notNullable()
      table.integer('last_value').notNullable().defaultTo(0)
      table.primary(['prefix', 'year'])
    })

    this.schema.createTable('applications', (table) => {
      table.increments('id')
      table.integer('call_id').notNullable().references('calls.id').onDelete('RESTRICT')
      table.integer('applicant_id').notNullable().references('users.id').onDelete('RESTRICT')
      table
        .integer('organization_id')
        .nullable()
        .references('organizations.id')
        .onDelete('RESTRICT')
      table.string('state', 16).notNullable().defaultTo('draft')
      // The draft's answers, saved as typed (autosave); never trusted on submission.
      table.jsonb('answers').notNullable().defaultTo('{}')
      table.string('reference', 20).nullable().unique()
      table.integer('form_version_id').nullable().references('form_versions.id')
      // The validated answers as submitted, frozen with the form version.
      table.jsonb('submitted_answers').nullable()
      table.timestamp('submitted_at', { useTz: true }).nullable()
      // Denormalised from the applicant or organization for officers' filters.
      table.string('region', 64).nullable()
      table.string('title', 200).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['call_id', 'state'])
      table.index(['applicant_id'])
    })
    this.schema.raw(`ALTER TABLE applications ADD CONSTRAINT applications_state_check
      CHECK (state IN ('draft', 'submitted', 'screening', 'eligible', 'ineligible', 'appealed',
        'in_review', 'shortlisted', 'rejected', 'awarded', 'waitlisted', 'contracted',
        'disbursing', 'completed', 'withdrawn'))`)
    // Submitted means a reference, a form version, a snapshot and a time, all at once.
    this.schema.raw(`ALTER TABLE applications ADD CONSTRAINT applications_submission_check
      CHECK ((submitted_at IS NULL) = (reference IS NULL)
        AND (submitted_at IS NULL) = (form_version_id IS NULL)
        AND (submitted_at IS NULL) = (submitted_answers IS NULL))`)
    // One live application per call for a person on their own, and per organization.
    this.schema.raw(`CREATE UNIQUE INDEX applications_one_per_person ON applications
      (call_id, applicant_id) WHERE organization_id IS NULL AND state <> 'withdrawn'`)
    this.schema.raw(`CREATE UNIQUE INDEX applications_one_per_organization ON applications
      (call_id, organization_id) WHERE organization_id IS NOT NULL AND state <> 'withdrawn'`)
    this.schema.raw(`CREATE INDEX applications_search ON applications
      USING gin (to_tsvector('simple', coalesce(reference, '') || ' ' || coalesce(title, '')))`)

    this.schema.createTable('application_documents', (table) => {
      table.increments('id')
      table
        .integer('application_id')
        .notNullable()
        .references('applications.id')
        .onDelete('CASCADE')
      // Where the document answers the form: `section.field`.
      table.string('field_path', 130).notNullable()
      table.string('original_name', 255).notNullable()
      // Detected from the content (magic bytes), never taken from the name or the browser.
      table.string('mime_type', 64).notNullable()
      table.integer('size_bytes').notNullable()
      table.string('sha256', 64).notNullable()
      table.string('storage_key', 200).notNullable().unique()
      table.integer('uploaded_by').notNullable().references('users.id')
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['application_id'])
    })
    this.schema
      .raw(`ALTER TABLE application_documents ADD CONSTRAINT application_documents_size_check
      CHECK (size_bytes > 0)`)
  }

  async down() {
    this.schema.dropTable('application_documents')
    this.schema.dropTable('applications')
    this.schema.dropTable('reference_counters')
    this.schema.dropTable('form_versions')
    this.schema.raw('DROP FUNCTION IF EXISTS form_versions_frozen()')
  }
}
