import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  async up() {
    // One agreement per accepted award (DESIGN §6). Bank details are encrypted by the
    // application (AdonisJS encryption, APP_KEY); only the last four characters are clear.
    this.schema.createTable('agreements', (table) => {
      table.increments('id')
      table
        .integer('decision_id')
        .notNullable()
        .unique()
        .references('decisions.id')
        .onDelete('RESTRICT')
      table.integer('call_id').notNullable().references('calls.id').onDelete('RESTRICT')
      table
        .integer('application_id')
        .notNullable()
        .unique()
        .references('applications.id')
        .onDelete('RESTRICT')
      table.integer('beneficiary_id').notNullable().references('users.id').onDelete('RESTRICT')
      table.string('kind', 16).notNullable()
      table.string('state', 12).notNullable().defaultTo('active')
      table.bigInteger('total_centimes').notNullable()
      // Sum of the tranches paid; the CHECK keeps it within the award.
      table.bigInteger('paid_centimes').notNullable().defaultTo(0)
      table.string('account_holder', 160).nullable()
      table.text('iban_encrypted').nullable()
      table.string('iban_last4', 4).nullable()
      table.string('bic', 11).nullable()
      table.string('stripe_account_id', 64).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['beneficiary_id'])
      table.index(['call_id'])
    })
    this.schema.raw(`ALTER TABLE agreements ADD CONSTRAINT agreements_values_check
      CHECK (kind IN ('startup_offer', 'living_grant', 'vc_call')
        AND state IN ('active', 'completed', 'terminated')
        AND total_centimes > 0 AND paid_centimes >= 0 AND paid_centimes <= total_centimes)`)

    this.schema.createTable('payment_batches', (table) => {
      table.increments('id')
      table.integer('call_id').nullable().references('calls.id').onDelete('RESTRICT')
      table.string('rail', 8).notNullable()
      table.string('state', 12).notNullable().defaultTo('prepared')
      // pain.001 MsgId / a business key: preparing the same run twice creates nothing.
      table.string('reference', 35).notNullable().unique()
      table.integer('tranche_count').notNullable()
      table.bigInteger('total_centimes').notNullable()
      table.integer('prepared_by').notNullable().references('users.id')
      table.integer('executed_by').nullable().references('users.id')
      table.timestamp('executed_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
    })
    this.schema.raw(`ALTER TABLE payment_batches ADD CONSTRAINT payment_batches_values_check
      CHECK (rail IN ('stripe', 'bank') AND state IN ('prepared', 'executing', 'executed')
        AND tranche_count >= 0 AND total_centimes >= 0)`)

    this.schema.createTable('tranches', (table) => {
      table.increments('id')
      table.integer('agreement_id').notNullable().references('agreements.id').onDelete('RESTRICT')
      table.integer('call_id').notNullable().references('calls.id').onDelete('RESTRICT')
      table.integer('sequence').notNullable()
      table.bigInteger('amount_centimes').notNullable()
      table.date('due_on').nullable()
      // Milestone (startup offers) or capital call purpose (VC), per locale or as typed.
      table.jsonb('milestone').notNullable().defaultTo('{}')
      table.string('state', 12).notNullable().defaultTo('planned')
      table.timestamp('requested_at', { useTz: true }).nullable()
      table.integer('requested_by').nullable().references('users.id')
      // Progress report (bourse de vie), evidence note (milestone), capital call notice (VC).
      table.text('request_note').nullable()
      table.integer('verified_by').nullable().references('users.id')
      table.timestamp('verified_at', { useTz: true }).nullable()
      table.integer('approved_by').nullable().references('users.id')
      table.timestamp('approved_at', { useTz: true }).nullable()
      table.integer('batch_id').nullable().references('payment_batches.id').onDelete('SET NULL')
      // Our own idempotency key (payout:<id>); Stripe's key is derived from it.
      table.string('idempotency_key', 64).notNullable().unique()
      table.string('stripe_transfer_id', 64).nullable().unique()
      table.string('bank_reference', 64).nullable()
      table.timestamp('paid_at', { useTz: true }).nullable()
      table.text('failure_reason').nullable()
      table.timestamp('reconciled_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['agreement_id', 'sequence'])
      table.index(['call_id', 'state'])
      table.index(['state', 'due_on'])
    })
    this.schema.raw(`ALTER TABLE tranches ADD CONSTRAINT tranches_values_check
      CHECK (state IN ('planned', 'requested', 'verified', 'approved', 'submitting', 'paid',
          'failed', 'reconciled', 'cancelled')
        AND amount_centimes > 0 AND sequence >= 1)`)
    // Four-eyes (DESIGN §6, ASVS 2.3.5): whoever verified never approves.
    this.schema.raw(`ALTER TABLE tranches ADD CONSTRAINT tranches_four_eyes_check
      CHECK (approved_by IS NULL OR (verified_by IS NOT NULL AND approved_by <> verified_by))`)
    this.schema.raw(`ALTER TABLE tranches ADD CONSTRAINT tranches_paid_check
      CHECK ((state IN ('paid', 'reconciled')) = (paid_at IS NOT NULL))`)

    // Every money movement on a call's budget, append-only next to the calls' totals.
    this.schema.createTable('ledger_entries', (table) => {
      table.bigIncrements('id')
      table.integer('call_id').notNullable().references('calls.id').onDelete('RESTRICT')
      table.string('kind', 12).notNullable()
      table.bigInteger('amount_centimes').notNullable()
      table.integer('decision_id').nullable().references('decisions.id')
      table.integer('tranche_id').nullable().references('tranches.id')
      table.integer('actor_id').nullable().references('users.id')
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['call_id', 'created_at'])
    })
    this.schema.raw(`ALTER TABLE ledger_entries ADD CONSTRAINT ledger_entries_kind_check
      CHECK (kind IN ('commit', 'release', 'disburse', 'reverse'))`)
    // A tranche is disbursed once in the ledger, whatever the retries.
    this.schema.raw(`CREATE UNIQUE INDEX ledger_entries_one_disbursement ON ledger_entries
      (tranche_id) WHERE kind = 'disburse'`)

    // Stripe webhook events by id: the same event delivered five times is handled once.
    this.schema.createTable('webhook_events', (table) => {
      table.string('id', 255).primary()
      table.string('type', 64).notNullable()
      table.jsonb('payload').notNullable()
      table.timestamp('received_at', { useTz: true }).notNullable()
      table.timestamp('processed_at', { useTz: true }).nullable()
    })
  }

  async down() {
    for (const name of [
      'webhook_events',
      'ledger_entries',
      'tranches',
      'payment_batches',
      'agreements',
    ]) {
      this.schema.dropTable(name)
    }
  }
}
