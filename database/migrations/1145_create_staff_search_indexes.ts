import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Staff search (issue 12): GIN indexes over expressions of the rows themselves, so that
 * an erasure (which rewrites names in place) takes a person out of the results at once,
 * with no copy table to keep in step.
 *
 * `search_text()` folds what people type differently: case, Latin accents (unaccent,
 * called with its dictionary named so that the function is IMMUTABLE and indexable),
 * and Arabic spelling variants (tashkeel and tatweel dropped, أ إ آ ٱ → ا, ة → ه, ى → ي).
 * The `simple` configuration keeps names and references as they are (no French stemming).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw('CREATE EXTENSION IF NOT EXISTS unaccent')
    this.schema.raw(`CREATE FUNCTION search_text(value text) RETURNS text
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
      RETURN translate(
        regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary, value)),
          '[\\u064B-\\u065F\\u0670\\u0640]', '', 'g'),
        'أإآٱةى', 'ااااهي')`)
    this.schema.raw(`CREATE FUNCTION search_document(value text) RETURNS tsvector
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
      RETURN to_tsvector('simple'::regconfig, search_text(value))`)
    this.schema.raw(`CREATE INDEX applications_staff_search ON applications
      USING gin (search_document(coalesce(reference, '') || ' ' || coalesce(title, '')))`)
    this.schema.raw(`CREATE INDEX organizations_staff_search ON organizations
      USING gin (search_document(name || ' ' || coalesce(ice, '') || ' ' || coalesce(rc_number, '')))`)
    this.schema.raw(`CREATE INDEX users_staff_search ON users
      USING gin (search_document(full_name || ' ' || email))`)
  }

  async down() {
    this.schema.raw('DROP INDEX IF EXISTS users_staff_search')
    this.schema.raw('DROP INDEX IF EXISTS organizations_staff_search')
    this.schema.raw('DROP INDEX IF EXISTS applications_staff_search')
    this.schema.raw('DROP FUNCTION IF EXISTS search_document(text)')
    this.schema.raw('DROP FUNCTION IF EXISTS search_text(text)')
  }
}
