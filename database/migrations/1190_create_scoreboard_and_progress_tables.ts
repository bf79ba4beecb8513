import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Issue 12: the Digital Morocco 2030 scoreboard and the post-award progress reports.
 * - `ministry`: a read-only staff role (the scoreboard with regional detail);
 * - `scoreboard_targets`: the targets are data an admin edits, not constants;
 * - `progress_reports`: what a beneficiary reports for one period of one agreement;
 * - `progress_reminders`: one row per reminder mailed, so each is mailed once.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`ALTER TABLE users DROP CONSTRAINT users_roles_check`)
    this.schema.raw(`ALTER TABLE users ADD CONSTRAINT users_roles_check
      CHECK (roles <@ ARRAY['applicant', 'fund_manager', 'trainee', 'reviewer', 'programme_officer',
        'finance_officer', 'institute_coordinator', 'admin', 'ministry']::text[])`)

    this.schema.createTable('scoreboard_targets', (table) => {
      table.increments('id')
      table.string('indicator', 40).notNullable()
      table.integer('year').notNullable()
      // Null: the national target; otherwise one region's share of it.
      table.string('region', 64).nullable()
      // In the indicator's unit: a count, centimes for MAD, hundredths for a ratio or percent.
      table.bigInteger('target_value').notNullable()
      table.string('unit', 12).notNullable()
      // Demo targets are plausible figures, shown as such, not the official ones.
      table.boolean('is_demo').notNullable().defaultTo(false)
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
    })
    this.schema.raw(`ALTER TABLE scoreboard_targets ADD CONSTRAINT scoreboard_targets_values_check
      CHECK (unit IN ('count', 'mad', 'ratio', 'percent') AND target_value > 0
        AND year BETWEEN 2020 AND 2100)`)
    // One target per indicator, year and region (national: region null).
    this.schema.raw(`CREATE UNIQUE INDEX scoreboard_targets_one_per_scope ON scoreboard_targets
      (indicator, year, coalesce(region, ''))`)

    this.schema.createTable('progress_reports', (table) => {
      table.increments('id')
      table.integer('agreement_id').notNullable().references('agreements.id').onDelete('RESTRICT')
      // The first day of the reported period (a month for the bourse de vie, a quarter else).
      table.date('period_start').notNullable()
      table.integer('jobs_created').notNullable()
      table.string('revenue_band', 16).notNullable()
      table.bigInteger('funds_raised_centimes').notNullable()
      table.integer('team_size').notNullable()
      table.integer('women_in_team').notNullable()
      table.integer('submitted_by').notNullable().references('users.id')
      table.timestamp('submitted_at', { useTz: true }).notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['agreement_id', 'period_start'])
    })
    this.schema.raw(`ALTER TABLE progress_reports ADD CONSTRAINT progress_reports_values_check
      CHECK (jobs_created >= 0 AND funds_raised_centimes >= 0 AND team_size >= 1
        AND women_in_team >= 0 AND women_in_team <= team_size
        AND revenue_band IN ('none', 'under_1m', '1m_10m', '10m_50m', 'over_50m'))`)

    this.schema.createTable('progress_reminders', (table) => {
      table.increments('id')
      table.integer('agreement_id').notNullable().references('agreements.id').onDelete('CASCADE')
      table.date('period_start').notNullable()
      table.string('kind', 8).notNullable()
      table.timestamp('sent_at', { useTz: true }).notNullable()
      table.unique(['agreement_id', 'period_start', 'kind'])
    })
    this.schema.raw(`ALTER TABLE progress_reminders ADD CONSTRAINT progress_reminders_kind_check
      CHECK (kind IN ('due_soon', 'overdue'))`)
  }

  async down() {
    this.schema.dropTable('progress_reminders')
    this.schema.dropTable('progress_reports')
    this.schema.dropTable('scoreboard_targets')
    this.schema.raw(`ALTER TABLE users DROP CONSTRAINT users_roles_check`)
    this.schema.raw(`ALTER TABLE users ADD CONSTRAINT users_roles_check
      CHECK (roles <@ ARRAY['applicant', 'fund_manager', 'trainee', 'reviewer', 'programme_officer',
        'finance_officer', 'institute_coordinator', 'admin']::text[])`)
  }
}
