import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Whether someone has an agreement, kept on the user so that every page's header can
 * link to their agreements without a query. Set by the agreement's creation; backfilled.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('users', (table) => {
      table.boolean('is_beneficiary').notNullable().defaultTo(false)
    })
    this.defer(async (db) => {
      await db.rawQuery(
        'UPDATE users SET is_beneficiary = true WHERE id IN (SELECT beneficiary_id FROM agreements)'
      )
    })
  }

  async down() {
    this.schema.alterTable('users', (table) => {
      table.dropColumn('is_beneficiary')
    })
  }
}
