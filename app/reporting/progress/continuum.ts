import db from '@adonisjs/lucid/services/db'
import { STARTUP_STAGES } from '#reporting/scoreboard/indicators'

/**
 * One organization's journey across the offers of the Startup Maroc continuum (issue 12):
 * its applications from ideation to fundraising with their outcomes, the agreements that
 * followed, and the progress reported over time. Three queries, whatever the history.
 */
export async function continuumOf(organizationId: number) {
  const [applications, agreements, reports] = await Promise.all([
    db
      .from('applications')
      .join('calls', 'calls.id', 'applications.call_id')
      .join('programmes', 'programmes.id', 'calls.programme_id')
      .leftJoin('decisions', 'decisions.application_id', 'applications.id')
      .where('applications.organization_id', organizationId)
      .whereNot('applications.state', 'draft')
      .orderBy('applications.submitted_at')
      .orderBy('applications.id')
      .select(
        'applications.id',
        'applications.reference',
        'applications.state',
        'applications.submitted_at',
        'calls.title as call_title',
        'programmes.kind',
        'programmes.stage',
        'decisions.outcome',
        'decisions.amount_centimes',
        'decisions.response'
      ),
    db
      .from('agreements')
      .join('applications', 'applications.id', 'agreements.application_id')
      .where('applications.organization_id', organizationId)
      .orderBy('agreements.id')
      .select(
        'agreements.id',
        'agreements.kind',
        'agreements.state',
        'agreements.total_centimes',
        'agreements.paid_centimes',
        'agreements.created_at',
        'applications.reference'
      ),
    db
      .from('progress_reports')
      .join('agreements', 'agreements.id', 'progress_reports.agreement_id')
      .join('applications', 'applications.id', 'agreements.application_id')
      .where('applications.organization_id', organizationId)
      .orderBy('progress_reports.period_start')
      .orderBy('progress_reports.agreement_id')
      .select(
        'progress_reports.agreement_id',
        db.raw('progress_reports.period_start::text AS period_start'),
        'progress_reports.jobs_created',
        'progress_reports.revenue_band',
        'progress_reports.funds_raised_centimes',
        'progress_reports.team_size',
        'progress_reports.women_in_team'
      ),
  ])
  // The continuum's order: startup stages first, ideation to fundraising, then the rest.
  const rank = (stage: string | null) =>
    stage ? STARTUP_STAGES.indexOf(stage as (typeof STARTUP_STAGES)[number]) : STARTUP_STAGES.length
  const journey = [...applications].sort((a, b) => rank(a.stage) - rank(b.stage))
  const stagesReached = STARTUP_STAGES.map((stage) => ({
    stage,
    reached: applications.some(
      (row) => row.stage === stage && row.outcome === 'awarded' && row.response !== 'declined'
    ),
    applied: applications.some((row) => row.stage === stage),
  }))
  let jobs = 0
  const timeline = reports.map((row) => {
    jobs += Number(row.jobs_created)
    return {
      ...row,
      funds_raised_centimes: Number(row.funds_raised_centimes),
      cumulativeJobs: jobs,
    }
  })
  return {
    journey,
    stagesReached,
    agreements: agreements.map((row) => ({
      ...row,
      total_centimes: Number(row.total_centimes),
      paid_centimes: Number(row.paid_centimes),
    })),
    timeline,
  }
}
