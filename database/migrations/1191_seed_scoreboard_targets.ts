import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The Digital Morocco 2030 targets the scoreboard starts with (admins edit them from
 * /admin/scoreboard/targets). The AI training target is the strategy's own; the others
 * are plausible figures for the demo, flagged `is_demo` so that every page says so.
 * Values are in the unit's storage: counts, centimes for MAD, hundredths for a ratio or
 * a percentage.
 */
const TARGETS: Array<[string, number, string | null, number, string, boolean]> = [
  ['ai_trainees_certified', 2030, null, 100_000, 'count', false],
  ['ai_trainees_enrolled', 2030, null, 130_000, 'count', true],
  ['startups_supported', 2030, null, 3_000, 'count', true],
  ['mad_committed', 2030, null, 150_000_000_000, 'mad', true],
  ['mad_disbursed', 2030, null, 120_000_000_000, 'mad', true],
  ['vc_funds_selected', 2030, null, 12, 'count', true],
  ['vc_capital_committed', 2030, null, 100_000_000_000, 'mad', true],
  ['vc_leverage', 2030, null, 400, 'ratio', true],
  ['living_grant_grantees', 2030, null, 1_000, 'count', true],
  ['jobs_created', 2030, null, 25_000, 'count', true],
  ['funds_raised', 2030, null, 500_000_000_000, 'mad', true],
  ['women_in_teams', 2030, null, 3_000, 'percent', true],
  ['ai_trainees_certified', 2030, 'casablanca_settat', 25_000, 'count', true],
]

export default class extends BaseSchema {
  async up() {
    this.defer(async (db) => {
      const now = new Date()
      await db.table('scoreboard_targets').multiInsert(
        TARGETS.map(([indicator, year, region, targetValue, unit, isDemo]) => ({
          indicator,
          year,
          region,
          target_value: targetValue,
          unit,
          is_demo: isDemo,
          created_at: now,
          updated_at: now,
        }))
      )
    })
  }

  async down() {
    this.defer(async (db) => {
      await db.from('scoreboard_targets').delete()
    })
  }
}
