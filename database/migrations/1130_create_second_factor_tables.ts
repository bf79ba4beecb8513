import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Second factors (ASVS 6.3.3, mandatory for staff): one TOTP authenticator per person,
 * its secret encrypted with the app key like IBANs, and single-use recovery codes
 * stored as SHA-256 digests.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('totp_factors', (table) => {
      table.integer('user_id').primary().references('users.id').onDelete('CASCADE')
      table.text('secret_encrypted').notNullable()
      // The time step of the last code accepted: a code is never accepted twice, and the
      // conditional UPDATE on this column is what makes two parallel submissions of one
      // code pass once.
      table.bigInteger('last_used_step').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
    })

    this.schema.createTable('recovery_codes', (table) => {
      table.increments('id')
      table.integer('user_id').notNullable().references('users.id').onDelete('CASCADE')
      table.string('code_hash', 64).notNullable()
      table.timestamp('used_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.unique(['user_id', 'code_hash'])
    })
  }

  async down() {
    this.schema.dropTable('recovery_codes')
    this.schema.dropTable('totp_factors')
  }
}
