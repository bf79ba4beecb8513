import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * `Idempotency-Key` on the API's POSTs that create things (start an application, submit
 * it): the first answer is stored with the key, per person and route, and replayed for
 * 24 hours. The row is inserted in the same transaction as the work, so a second request
 * with the key waits on the unique index until the first commits (then replays it) or
 * rolls back (then does the work itself).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('api_idempotency_keys', (table) => {
      table.bigIncrements('id')
      table.integer('user_id').notNullable().references('users.id').onDelete('CASCADE')
      table.string('route', 100).notNullable()
      table.string('key', 255).notNullable()
      table.string('request_hash', 64).notNullable()
      table.smallint('response_status').nullable()
      table.jsonb('response_body').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.unique(['user_id', 'route', 'key'])
    })
    this.schema.raw(`ALTER TABLE api_idempotency_keys ADD CONSTRAINT api_idempotency_keys_key_check
      CHECK (length(key) >= 1)`)
  }

  async down() {
    this.schema.dropTable('api_idempotency_keys')
  }
}
