import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Issue 12: the public register of decisions and payments (360Giving). A release is an
 * immutable snapshot of one call's grants: its JSON and CSV bodies are generated once and
 * served as stored, so a stable URL answers the same bytes until a new release exists.
 * A trigger refuses any change to what was published; the one thing that may happen to
 * a release later is its retraction (a named person withdrew their consent, or was
 * erased), which empties its bodies: it is no longer served. `named_user_ids` says who a
 * release names. A new consent purpose lets a person agree to be named in it.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('open_data_releases', (table) => {
      table.increments('id')
      table.integer('call_id').notNullable().references('calls.id').onDelete('RESTRICT')
      // 1, 2, 3… per call: the order in which the call's releases were issued.
      table.integer('sequence').notNullable()
      table.string('reason', 16).notNullable()
      // sha256 of the grants, without the release's own metadata: an unchanged register
      // makes no new release.
      table.string('digest', 64).notNullable()
      table.integer('grant_count').notNullable()
      table.bigInteger('awarded_centimes').notNullable()
      table.bigInteger('disbursed_centimes').notNullable()
      table.specificType('named_user_ids', 'integer[]').notNullable().defaultTo('{}')
      table.text('json_body').notNullable()
      table.text('csv_body').notNullable()
      table.integer('created_by').nullable().references('users.id')
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('retracted_at', { useTz: true }).nullable()
      table.unique(['call_id', 'sequence'])
      table.index(['call_id', 'id'])
    })
    this.schema.raw(`ALTER TABLE open_data_releases ADD CONSTRAINT open_data_releases_values_check
      CHECK (reason IN ('publication', 'payments', 'consent', 'officer', 'sweep')
        AND sequence >= 1 AND grant_count >= 0
        AND awarded_centimes >= 0 AND disbursed_centimes >= 0)`)
    this.schema.raw(`CREATE INDEX open_data_releases_named_user_ids
      ON open_data_releases USING gin (named_user_ids)`)
    // Published bytes never change. A retraction is the one change, made once, and it
    // empties the bodies: a retracted release is never served again, and the name of a
    // person who withdrew their consent (or was erased) must not stay in the database.
    this.schema.raw(`CREATE FUNCTION open_data_releases_immutable() RETURNS trigger AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'open data releases are never deleted' USING ERRCODE = 'P0001';
        END IF;
        IF (NEW.id, NEW.call_id, NEW.sequence, NEW.reason, NEW.digest, NEW.grant_count,
            NEW.awarded_centimes, NEW.disbursed_centimes, NEW.named_user_ids, NEW.created_by,
            NEW.created_at)
           IS DISTINCT FROM
           (OLD.id, OLD.call_id, OLD.sequence, OLD.reason, OLD.digest, OLD.grant_count,
            OLD.awarded_centimes, OLD.disbursed_centimes, OLD.named_user_ids, OLD.created_by,
            OLD.created_at)
           OR (OLD.retracted_at IS NOT NULL
               AND (NEW.retracted_at, NEW.json_body, NEW.csv_body)
                   IS DISTINCT FROM (OLD.retracted_at, OLD.json_body, OLD.csv_body))
           OR (OLD.retracted_at IS NULL
               AND (NEW.json_body, NEW.csv_body) IS DISTINCT FROM (OLD.json_body, OLD.csv_body)
               AND NOT (NEW.retracted_at IS NOT NULL AND NEW.json_body = '' AND NEW.csv_body = ''))
        THEN
          RAISE EXCEPTION 'an open data release is immutable (only its retraction is recorded)'
            USING ERRCODE = 'P0001';
        END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`)
    this.schema.raw(`CREATE TRIGGER open_data_releases_immutable
      BEFORE UPDATE OR DELETE ON open_data_releases
      FOR EACH ROW EXECUTE FUNCTION open_data_releases_immutable()`)

    this.schema.raw(`ALTER TABLE user_consents DROP CONSTRAINT user_consents_purpose_check`)
    this.schema.raw(`ALTER TABLE user_consents ADD CONSTRAINT user_consents_purpose_check
      CHECK (purpose IN ('processing', 'programme_news', 'open_data_publication'))`)
  }

  async down() {
    this.schema.raw(`DELETE FROM user_consents WHERE purpose = 'open_data_publication'`)
    this.schema.raw(`ALTER TABLE user_consents DROP CONSTRAINT user_consents_purpose_check`)
    this.schema.raw(`ALTER TABLE user_consents ADD CONSTRAINT user_consents_purpose_check
      CHECK (purpose IN ('processing', 'programme_news'))`)
    this.schema.dropTable('open_data_releases')
    this.schema.raw(`DROP FUNCTION open_data_releases_immutable()`)
  }
}
