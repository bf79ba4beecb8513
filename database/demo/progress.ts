import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { periodsOf } from '#reporting/progress/progress_schedule'
import { nowInCasablanca } from '#core/casablanca_time'

/**
 * Demo progress reports, after the demo agreements: every startup and bourse de vie
 * agreement but the last has reported its first period (so the scoreboard shows jobs,
 * funds raised and women in teams), the last one has it still to do (the founder sees
 * the form, the officer nothing late yet).
 */
export async function seedProgressReports(client: TransactionClientContract) {
  const agreements = await client
    .from('agreements')
    .whereIn('kind', ['startup_offer', 'living_grant'])
    .orderBy('id')
    .select('id', 'beneficiary_id')
  const figures = [
    {
      jobs_created: 2,
      revenue_band: 'under_1m',
      funds_raised_centimes: 25_000_000,
      team_size: 5,
      women_in_team: 2,
    },
    {
      jobs_created: 1,
      revenue_band: 'none',
      funds_raised_centimes: 0,
      team_size: 3,
      women_in_team: 1,
    },
  ]
  for (const [index, agreement] of agreements.slice(0, -1).entries()) {
    const [first] = await periodsOf(agreement.id, nowInCasablanca(), client)
    if (!first || first.status === 'upcoming') continue
    await client.table('progress_reports').insert({
      agreement_id: agreement.id,
      period_start: first.periodStart,
      ...figures[index % figures.length],
      submitted_by: agreement.beneficiary_id,
      submitted_at: new Date(),
      created_at: new Date(),
      updated_at: new Date(),
    })
  }
}
