import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Passkeys (WebAuthn credentials), an optional second factor for everyone: the public key
 * and the signature counter the authenticator reported last.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('passkeys', (table) => {
      table.increments('id')
      table.integer('user_id').notNullable().references('users.id').onDelete('CASCADE')
      // base64url, as the browser names the credential; one credential, one account.
      table.string('credential_id', 1400).notNullable().unique()
      table.text('public_key').notNullable()
      table.bigInteger('counter').notNullable().defaultTo(0)
      table.specificType('transports', 'text[]').notNullable().defaultTo('{}')
      table.string('name', 80).notNullable()
      table.timestamp('last_used_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['user_id'])
    })
  }

  async down() {
    this.schema.dropTable('passkeys')
  }
}
