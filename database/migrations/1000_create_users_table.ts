import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  async up() {
    this.schema.createTable('users', (table) => {
      table.increments('id')
      table.string('email', 254).notNullable()
      table.string('password').notNullable()
      table.string('full_name', 160).notNullable()
      table.string('preferred_locale', 8).notNullable().defaultTo('fr')
      // A person may hold several roles; the CHECK keeps the list to known roles.
      table.specificType('roles', 'text[]').notNullable().defaultTo('{applicant}')
      table.timestamp('email_verified_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
    })
    this.schema.raw(`CREATE UNIQUE INDEX users_email_lower_unique ON users (lower(email))`)
    this.schema.raw(`ALTER TABLE users ADD CONSTRAINT users_preferred_locale_check
      CHECK (preferred_locale IN ('fr', 'ar', 'zgh', 'en'))`)
    this.schema.raw(`ALTER TABLE users ADD CONSTRAINT users_roles_check
      CHECK (roles <@ ARRAY['applicant', 'fund_manager', 'trainee', 'reviewer', 'programme_officer',
        'finance_officer', 'institute_coordinator', 'admin']::text[])`)
    this.schema.raw(`CREATE INDEX users_roles_gin ON users USING gin (roles)`)

    this.schema.createTable('user_tokens', (table) => {
      table.increments('id')
      table.integer('user_id').notNullable().references('users.id').onDelete('CASCADE')
      table.string('purpose', 32).notNullable()
      // Only a SHA-256 of the token is stored: a leaked table cannot be replayed.
      table.string('token_hash', 64).notNullable().unique()
      table.timestamp('expires_at', { useTz: true }).notNullable()
      table.timestamp('used_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['user_id', 'purpose'])
    })
    this.schema.raw(`ALTER TABLE user_tokens ADD CONSTRAINT user_tokens_purpose_check
      CHECK (purpose IN ('verify_email', 'reset_password'))`)

    this.schema.createTable('auth_access_tokens', (table) => {
      table.increments('id')
      table.integer('tokenable_id').notNullable().references('users.id').onDelete('CASCADE')
      table.string('type').notNullable()
      table.string('name').nullable()
      table.string('hash').notNullable()
      table.text('abilities').notNullable()
      table.timestamp('created_at', { useTz: true })
      table.timestamp('updated_at', { useTz: true })
      table.timestamp('last_used_at', { useTz: true }).nullable()
      table.timestamp('expires_at', { useTz: true }).nullable()
    })
  }

  async down() {
    this.schema.dropTable('auth_access_tokens')
    this.schema.dropTable('user_tokens')
    this.schema.dropTable('users')
  }
}
