import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Tamper evidence for the audit log, and the actor foreign key that fought it.
 *
 * Entries are still inserted unchained by every writer (recordAudit, bulk inserts, raw
 * SQL); a sealing step (`sealAuditLog`, run by a recurring job and before verification or
 * export) later gives each committed entry its place in the chain (`chain_position`),
 * the previous entry's hash and its own. Chaining at insert time would need one global
 * lock held until every audited transaction commits, serialising the whole application
 * and deadlocking transactions that lock rows before and after auditing; chaining
 * committed rows instead means a rolled-back entry is never seen, so it can leave
 * neither a gap nor a fork. The unique position is the backstop against two sealers.
 *
 * The append-only trigger now allows exactly one change: sealing an unsealed row
 * (hash columns NULL → value, every other column unchanged).
 *
 * `actor_id ON DELETE SET NULL` would have rewritten audit rows (refused by the trigger),
 * so a person in the log could not be deleted at all, with an obscure error. The log now
 * keeps the actor id for good: the foreign key refuses the deletion (people are
 * pseudonymised instead of deleted).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`ALTER TABLE audit_logs
      ADD COLUMN chain_position bigint NULL,
      ADD COLUMN prev_hash char(64) NULL,
      ADD COLUMN hash char(64) NULL,
      ADD CONSTRAINT audit_logs_chain_position_unique UNIQUE (chain_position),
      ADD CONSTRAINT audit_logs_sealed_together CHECK (
        (chain_position IS NULL) = (hash IS NULL) AND (hash IS NULL) = (prev_hash IS NULL))`)
    this.schema.raw(`CREATE INDEX audit_logs_unsealed ON audit_logs (id) WHERE hash IS NULL`)

    this.schema.raw(`
      CREATE OR REPLACE FUNCTION audit_logs_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          IF NEW.hash IS NOT NULL OR NEW.prev_hash IS NOT NULL OR NEW.chain_position IS NOT NULL THEN
            RAISE EXCEPTION 'audit_logs entries are sealed by the sealer, never inserted sealed'
              USING ERRCODE = 'insufficient_privilege';
          END IF;
          RETURN NEW;
        END IF;
        IF TG_OP = 'UPDATE' AND OLD.hash IS NULL AND NEW.hash IS NOT NULL
          AND (to_jsonb(OLD) - 'chain_position' - 'prev_hash' - 'hash')
            = (to_jsonb(NEW) - 'chain_position' - 'prev_hash' - 'hash') THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'audit_logs is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`)
    this.schema.raw(`CREATE TRIGGER audit_logs_insert_unsealed BEFORE INSERT ON audit_logs
      FOR EACH ROW EXECUTE FUNCTION audit_logs_append_only()`)

    this.schema.raw(`ALTER TABLE audit_logs DROP CONSTRAINT audit_logs_actor_id_foreign`)
    this.schema.raw(`ALTER TABLE audit_logs ADD CONSTRAINT audit_logs_actor_id_foreign
      FOREIGN KEY (actor_id) REFERENCES users (id) ON DELETE RESTRICT`)
  }

  async down() {
    this.schema.raw(`ALTER TABLE audit_logs DROP CONSTRAINT audit_logs_actor_id_foreign`)
    this.schema.raw(`ALTER TABLE audit_logs ADD CONSTRAINT audit_logs_actor_id_foreign
      FOREIGN KEY (actor_id) REFERENCES users (id) ON DELETE SET NULL`)
    this.schema.raw(`DROP TRIGGER audit_logs_insert_unsealed ON audit_logs`)
    this.schema.raw(`
      CREATE OR REPLACE FUNCTION audit_logs_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_logs is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`)
    this.schema.raw(`ALTER TABLE audit_logs DROP COLUMN chain_position, DROP COLUMN prev_hash,
      DROP COLUMN hash`)
  }
}
