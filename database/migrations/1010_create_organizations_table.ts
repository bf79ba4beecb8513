import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  async up() {
    this.schema.createTable('organizations', (table) => {
      table.increments('id')
      table.string('kind', 32).notNullable()
      table.string('name', 200).notNullable()
      // startup
      table.string('rc_number', 32).nullable()
      table.string('ice', 15).nullable().unique()
      table.date('founded_on').nullable()
      table.string('region', 64).nullable()
      table.string('sector', 64).nullable()
      // fund_manager_company
      table.string('country', 2).nullable()
      table.string('regulator', 120).nullable()
      table.bigInteger('aum_centimes').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
    })
    this.schema.raw(`ALTER TABLE organizations ADD CONSTRAINT organizations_kind_check
      CHECK (kind IN ('startup', 'fund_manager_company'))`)
    this.schema.raw(`ALTER TABLE organizations ADD CONSTRAINT organizations_ice_check
      CHECK (ice IS NULL OR ice ~ '^[0-9]{15}$')`)
    this.schema.raw(`ALTER TABLE organizations ADD CONSTRAINT organizations_aum_check
      CHECK (aum_centimes IS NULL OR aum_centimes >= 0)`)

    this.schema.createTable('organization_members', (table) => {
      table.increments('id')
      table
        .integer('organization_id')
        .notNullable()
        .references('organizations.id')
        .onDelete('CASCADE')
      table.integer('user_id').notNullable().references('users.id').onDelete('CASCADE')
      table.string('role', 16).notNullable().defaultTo('member')
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.unique(['organization_id', 'user_id'])
      table.index(['user_id'])
    })
    this.schema.raw(`ALTER TABLE organization_members ADD CONSTRAINT organization_members_role_check
      CHECK (role IN ('owner', 'member'))`)
  }

  async down() {
    this.schema.dropTable('organization_members')
    this.schema.dropTable('organizations')
  }
}
