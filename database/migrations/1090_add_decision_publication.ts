import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * An award run writes its decisions as a preview (published_at NULL): staff look at the
 * amounts, the cut-off line and the reserve list, and may run it again. Publishing sets
 * published_at, commits the budget and tells the applicants; until then the applicant
 * sees nothing. Decisions taken before this column existed were final: published.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('decisions', (table) => {
      table.timestamp('published_at', { useTz: true }).nullable()
    })
    this.schema.raw(`UPDATE decisions SET published_at = updated_at`)
    // An answer to an award (accept, decline) needs a published award.
    this.schema.raw(`ALTER TABLE decisions ADD CONSTRAINT decisions_published_check
      CHECK (response IS NULL OR published_at IS NOT NULL)`)
  }

  async down() {
    this.schema.raw(`ALTER TABLE decisions DROP CONSTRAINT decisions_published_check`)
    this.schema.alterTable('decisions', (table) => {
      table.dropColumn('published_at')
    })
  }
}
