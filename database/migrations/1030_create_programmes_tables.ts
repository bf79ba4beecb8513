import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  async up() {
    this.schema.createTable('institutes', (table) => {
      table.increments('id')
      table.string('name', 160).notNullable().unique()
      table.string('city', 80).notNullable()
      table.string('region', 64).notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
    })
    // An institute coordinator works for one institute.
    this.schema.alterTable('users', (table) => {
      table.integer('institute_id').nullable().references('institutes.id').onDelete('SET NULL')
    })

    this.schema.createTable('programmes', (table) => {
      table.increments('id')
      table.string('code', 32).notNullable().unique()
      table.string('kind', 32).notNullable()
      table.string('stage', 16).nullable()
      // Per-locale text: { "fr": "…", "ar": "…", "zgh": "…", "en": "…" }
      table.jsonb('title').notNullable()
      table.jsonb('summary').notNullable().defaultTo('{}')
      table.bigInteger('grant_ceiling_centimes').nullable()
      table.bigInteger('monthly_stipend_centimes').nullable()
      table.integer('stipend_months').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
    })
    this.schema.raw(`ALTER TABLE programmes ADD CONSTRAINT programmes_kind_check
      CHECK (kind IN ('startup_offer', 'living_grant', 'vc_call', 'training'))`)
    this.schema.raw(`ALTER TABLE programmes ADD CONSTRAINT programmes_stage_check
      CHECK ((kind = 'startup_offer') = (stage IS NOT NULL)
        AND (stage IS NULL OR stage IN ('ideation', 'early', 'growth', 'fundraising')))`)

    this.schema.createTable('calls', (table) => {
      table.increments('id')
      table.integer('programme_id').notNullable().references('programmes.id').onDelete('RESTRICT')
      table.jsonb('title').notNullable()
      table.jsonb('description').notNullable().defaultTo('{}')
      table.string('state', 16).notNullable().defaultTo('draft')
      table.timestamp('opens_at', { useTz: true }).notNullable()
      table.timestamp('closes_at', { useTz: true }).notNullable()
      table.bigInteger('envelope_centimes').notNullable()
      table.boolean('blind_review').notNullable().defaultTo(false)
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['state', 'closes_at'])
      table.index(['programme_id'])
    })
    this.schema.raw(`ALTER TABLE calls ADD CONSTRAINT calls_state_check
      CHECK (state IN ('draft', 'open', 'closed', 'decided', 'archived'))`)
    this.schema.raw(
      `ALTER TABLE calls ADD CONSTRAINT calls_window_check CHECK (opens_at < closes_at)`
    )
    this.schema.raw(
      `ALTER TABLE calls ADD CONSTRAINT calls_envelope_check CHECK (envelope_centimes >= 0)`
    )
  }

  async down() {
    this.schema.dropTable('calls')
    this.schema.dropTable('programmes')
    this.schema.alterTable('users', (table) => table.dropColumn('institute_id'))
    this.schema.dropTable('institutes')
  }
}
