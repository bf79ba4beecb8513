import db from '@adonisjs/lucid/services/db'
import { submittedMoney } from '#programmes/forms/requested_amount'
import {
  INDICATOR_KEYS,
  STARTUP_STAGES,
  SUPPRESSION_THRESHOLD,
  percentInHundredths,
  ratioInHundredths,
  type IndicatorKey,
} from '#reporting/scoreboard/indicators'

/**
 * The figures of the Digital Morocco 2030 scoreboard, each computed in SQL from the
 * records the portal already keeps (nothing is typed twice), for the country or one
 * region (`applications.region` for awards and agreements, `enrolments.region` for
 * trainees). Six aggregate queries, whatever the number of rows; GROUPING SETS give the
 * total and the regional split in one pass.
 *
 * - startups supported: startups with an award of a startup offer, not declined (by stage);
 * - MAD committed: the budget ledger's commitments minus releases (declined awards);
 * - MAD disbursed: tranches paid (paid or reconciled);
 * - VC funds selected: funds with an award of a VC call, not declined; their capital
 *   committed is the award, the leverage is the funds' declared target size over it;
 * - bourse de vie grantees: people with an award of a living grant, not declined;
 * - AI trainees: people who held a seat in an AI-track cohort, and those certified
 *   (certificate not revoked);
 * - jobs created and funds raised: the sum of every progress report; women in teams:
 *   the share of women in the teams of each agreement's latest report.
 */

export interface RegionFigures {
  region: string
  startups: number
  grantees: number
  funds: number
  committedCentimes: number
  disbursedCentimes: number
  aiEnrolled: number
  aiCertified: number
  jobsCreated: number
  womenInTeams: number
  fundsRaisedCentimes: number
  reportingAgreements: number
}

/** A regional row as the public sees it: a null cell counts fewer than 5 people. */
export type PublicRegionFigures = {
  [K in keyof RegionFigures]: K extends 'region' ? string : number | null
}

export interface ScoreboardFigures {
  region: string | null
  indicators: Record<IndicatorKey, number>
  startupsByStage: Record<(typeof STARTUP_STAGES)[number], number>
  /** Committed and disbursed per programme kind, in centimes. */
  moneyByKind: Record<
    'startup_offer' | 'living_grant' | 'vc_call',
    {
      committedCentimes: number
      disbursedCentimes: number
    }
  >
  /** Sums behind the ratios, so that each can be checked by hand. */
  leverage: { targetSizeCentimes: number; commitmentCentimes: number; funds: number }
  teams: { teamSize: number; women: number; reportingAgreements: number }
  regions: RegionFigures[]
}

const MONEY_KINDS = ['startup_offer', 'living_grant', 'vc_call'] as const
type MoneyKind = (typeof MONEY_KINDS)[number]

function emptyRegion(region: string): RegionFigures {
  return {
    region,
    startups: 0,
    grantees: 0,
    funds: 0,
    committedCentimes: 0,
    disbursedCentimes: 0,
    aiEnrolled: 0,
    aiCertified: 0,
    jobsCreated: 0,
    womenInTeams: 0,
    fundsRaisedCentimes: 0,
    reportingAgreements: 0,
  }
}

/** `?::text IS NULL OR column = ?::text`, the region filter of every query. */
const inRegion = (column: string) => `(?::text IS NULL OR ${column} = ?::text)`

/** Awards (not declined) by kind, by stage and by region: beneficiaries counted once. */
function awardCounts(region: string | null) {
  return db.rawQuery(
    `SELECT programmes.kind, programmes.stage, coalesce(applications.region, 'unknown') AS region,
            GROUPING(programmes.stage) AS no_stage,
            GROUPING(coalesce(applications.region, 'unknown')) AS no_region,
            count(DISTINCT coalesce('o' || applications.organization_id,
                                    'u' || applications.applicant_id)) AS beneficiaries
       FROM decisions
       JOIN applications ON applications.id = decisions.application_id
       JOIN calls ON calls.id = decisions.call_id
       JOIN programmes ON programmes.id = calls.programme_id
      WHERE decisions.outcome = 'awarded' AND decisions.response IS DISTINCT FROM 'declined'
        AND ${inRegion('applications.region')}
      GROUP BY GROUPING SETS ((programmes.kind), (programmes.kind, programmes.stage),
                              (programmes.kind, coalesce(applications.region, 'unknown')))`,
    [region, region]
  )
}

/** Committed (ledger: commit − release) and disbursed (paid tranches) by kind and region. */
function moneyTotals(region: string | null) {
  return db.rawQuery(
    `WITH movements AS (
       SELECT programmes.kind, applications.region, 'committed' AS measure,
              CASE ledger_entries.kind WHEN 'commit' THEN ledger_entries.amount_centimes
                                       ELSE -ledger_entries.amount_centimes END AS centimes
         FROM ledger_entries
         JOIN decisions ON decisions.id = ledger_entries.decision_id
         JOIN applications ON applications.id = decisions.application_id
         JOIN calls ON calls.id = ledger_entries.call_id
         JOIN programmes ON programmes.id = calls.programme_id
        WHERE ledger_entries.kind IN ('commit', 'release')
       UNION ALL
       SELECT agreements.kind, applications.region, 'disbursed', tranches.amount_centimes
         FROM tranches
         JOIN agreements ON agreements.id = tranches.agreement_id
         JOIN applications ON applications.id = agreements.application_id
        WHERE tranches.state IN ('paid', 'reconciled'))
     SELECT kind, measure, coalesce(region, 'unknown') AS region,
            GROUPING(coalesce(region, 'unknown')) AS no_region, sum(centimes) AS centimes
       FROM movements
      WHERE ${inRegion('region')}
      GROUP BY GROUPING SETS ((kind, measure), (kind, measure, coalesce(region, 'unknown')))`,
    [region, region]
  )
}

/** Each selected fund's commitment and declared target size (read as typed money below). */
function selectedFunds(region: string | null) {
  return db.rawQuery(
    `SELECT decisions.amount_centimes AS commitment,
            applications.submitted_answers #>> '{fund,target_size}' AS target_size
       FROM decisions
       JOIN applications ON applications.id = decisions.application_id
       JOIN calls ON calls.id = decisions.call_id
       JOIN programmes ON programmes.id = calls.programme_id
      WHERE programmes.kind = 'vc_call' AND decisions.outcome = 'awarded'
        AND decisions.response IS DISTINCT FROM 'declined'
        AND ${inRegion('applications.region')}`,
    [region, region]
  )
}

/** People enrolled in and certified by AI-track cohorts, in total and by region. */
function aiTrainees(region: string | null) {
  return db.rawQuery(
    `SELECT coalesce(enrolments.region, 'unknown') AS region,
            GROUPING(coalesce(enrolments.region, 'unknown')) AS no_region,
            count(DISTINCT enrolments.trainee_id) AS enrolled,
            count(DISTINCT enrolments.trainee_id)
              FILTER (WHERE certificates.id IS NOT NULL AND certificates.revoked_at IS NULL)
              AS certified
       FROM enrolments
       JOIN cohorts ON cohorts.id = enrolments.cohort_id
       JOIN courses ON courses.id = cohorts.course_id
       LEFT JOIN certificates ON certificates.enrolment_id = enrolments.id
      WHERE courses.track = 'ai' AND enrolments.state IN ('accepted', 'completed', 'failed')
        AND ${inRegion('enrolments.region')}
      GROUP BY GROUPING SETS ((), (coalesce(enrolments.region, 'unknown')))`,
    [region, region]
  )
}

/** Jobs and funds summed over every report; teams from each agreement's latest report. */
function progressTotals(region: string | null) {
  return db.rawQuery(
    `WITH sums AS (
       SELECT agreement_id, sum(jobs_created) AS jobs, sum(funds_raised_centimes) AS funds
         FROM progress_reports GROUP BY agreement_id),
     latest AS (
       SELECT DISTINCT ON (agreement_id) agreement_id, team_size, women_in_team
         FROM progress_reports ORDER BY agreement_id, period_start DESC)
     SELECT coalesce(applications.region, 'unknown') AS region,
            GROUPING(coalesce(applications.region, 'unknown')) AS no_region,
            coalesce(sum(sums.jobs), 0) AS jobs, coalesce(sum(sums.funds), 0) AS funds,
            coalesce(sum(latest.team_size), 0) AS team_size,
            coalesce(sum(latest.women_in_team), 0) AS women, count(*) AS reporting
       FROM sums
       JOIN latest ON latest.agreement_id = sums.agreement_id
       JOIN agreements ON agreements.id = sums.agreement_id
       JOIN applications ON applications.id = agreements.application_id
      WHERE ${inRegion('applications.region')}
      GROUP BY GROUPING SETS ((), (coalesce(applications.region, 'unknown')))`,
    [region, region]
  )
}

/** The scoreboard's figures for the country (`region` null) or one region. */
export async function scoreboardFigures(region: string | null = null): Promise<ScoreboardFigures> {
  const [awards, money, funds, trainees, progress] = await Promise.all([
    awardCounts(region),
    moneyTotals(region),
    selectedFunds(region),
    aiTrainees(region),
    progressTotals(region),
  ])
  const regions = new Map<string, RegionFigures>()
  const regionRow = (key: string) => {
    if (!regions.has(key)) regions.set(key, emptyRegion(key))
    return regions.get(key)!
  }

  const beneficiaries: Record<string, number> = {}
  const startupsByStage = Object.fromEntries(
    STARTUP_STAGES.map((stage) => [stage, 0])
  ) as ScoreboardFigures['startupsByStage']
  const regionField = { startup_offer: 'startups', living_grant: 'grantees', vc_call: 'funds' }
  for (const row of awards.rows) {
    const count = Number(row.beneficiaries)
    const field = regionField[row.kind as MoneyKind] as 'startups' | 'grantees' | 'funds'
    if (!field) continue
    if (!row.no_stage && row.kind === 'startup_offer') {
      startupsByStage[row.stage as keyof typeof startupsByStage] = count
    } else if (!row.no_region) regionRow(row.region)[field] = count
    else if (row.no_stage) beneficiaries[row.kind] = count
  }

  const moneyByKind = Object.fromEntries(
    MONEY_KINDS.map((kind) => [kind, { committedCentimes: 0, disbursedCentimes: 0 }])
  ) as ScoreboardFigures['moneyByKind']
  for (const row of money.rows) {
    const centimes = Number(row.centimes)
    const field = row.measure === 'committed' ? 'committedCentimes' : 'disbursedCentimes'
    if (!row.no_region) regionRow(row.region)[field] += centimes
    else if (moneyByKind[row.kind as MoneyKind])
      moneyByKind[row.kind as MoneyKind][field] = centimes
  }

  // The target size is a form's money answer: read through the one typed reader.
  const leverage = { targetSizeCentimes: 0, commitmentCentimes: 0, funds: 0 }
  let capitalCommitted = 0
  for (const row of funds.rows) {
    const commitment = Number(row.commitment)
    capitalCommitted += commitment
    const targetSize = submittedMoney(row.target_size)
    if (!targetSize) continue
    leverage.targetSizeCentimes += targetSize.centimes
    leverage.commitmentCentimes += commitment
    leverage.funds += 1
  }

  let aiEnrolled = 0
  let aiCertified = 0
  for (const row of trainees.rows) {
    if (!row.no_region) {
      regionRow(row.region).aiEnrolled = Number(row.enrolled)
      regionRow(row.region).aiCertified = Number(row.certified)
    } else {
      aiEnrolled = Number(row.enrolled)
      aiCertified = Number(row.certified)
    }
  }

  const teams = { teamSize: 0, women: 0, reportingAgreements: 0 }
  let jobsCreated = 0
  let fundsRaised = 0
  for (const row of progress.rows) {
    if (!row.no_region) {
      const cell = regionRow(row.region)
      cell.jobsCreated = Number(row.jobs)
      cell.womenInTeams = Number(row.women)
      cell.fundsRaisedCentimes = Number(row.funds)
      cell.reportingAgreements = Number(row.reporting)
    } else {
      jobsCreated = Number(row.jobs)
      fundsRaised = Number(row.funds)
      teams.teamSize = Number(row.team_size)
      teams.women = Number(row.women)
      teams.reportingAgreements = Number(row.reporting)
    }
  }

  const sum = (field: 'committedCentimes' | 'disbursedCentimes') =>
    MONEY_KINDS.reduce((total, kind) => total + moneyByKind[kind][field], 0)
  const indicators: Record<IndicatorKey, number> = {
    startups_supported: beneficiaries.startup_offer ?? 0,
    mad_committed: sum('committedCentimes'),
    mad_disbursed: sum('disbursedCentimes'),
    vc_funds_selected: beneficiaries.vc_call ?? 0,
    vc_capital_committed: capitalCommitted,
    vc_leverage: ratioInHundredths(leverage.targetSizeCentimes, leverage.commitmentCentimes),
    living_grant_grantees: beneficiaries.living_grant ?? 0,
    ai_trainees_enrolled: aiEnrolled,
    ai_trainees_certified: aiCertified,
    jobs_created: jobsCreated,
    funds_raised: fundsRaised,
    women_in_teams: percentInHundredths(teams.women, teams.teamSize),
  }
  for (const key of INDICATOR_KEYS) indicators[key] ??= 0

  return {
    region,
    indicators,
    startupsByStage,
    moneyByKind,
    leverage,
    teams,
    regions: [...regions.values()].sort((a, b) => a.region.localeCompare(b.region)),
  }
}

/**
 * A regional row for the public page: a count of 1 to 4 people becomes null ("< 5"), and
 * so does an amount behind fewer than 5 beneficiaries, which would tell one person's
 * award or income. Zero stays zero: it points at nobody.
 */
export function suppressSmallCells(row: RegionFigures): PublicRegionFigures {
  const small = (count: number) => count > 0 && count < SUPPRESSION_THRESHOLD
  const people = (count: number) => (small(count) ? null : count)
  const awarded = row.startups + row.grantees + row.funds
  const amountBehind = (centimes: number, count: number) =>
    centimes !== 0 && count < SUPPRESSION_THRESHOLD ? null : centimes
  return {
    region: row.region,
    startups: people(row.startups),
    grantees: people(row.grantees),
    funds: people(row.funds),
    committedCentimes: amountBehind(row.committedCentimes, awarded),
    disbursedCentimes: amountBehind(row.disbursedCentimes, awarded),
    aiEnrolled: people(row.aiEnrolled),
    aiCertified: people(row.aiCertified),
    jobsCreated: people(row.jobsCreated),
    womenInTeams: people(row.womenInTeams),
    fundsRaisedCentimes: amountBehind(row.fundsRaisedCentimes, row.reportingAgreements),
    reportingAgreements: people(row.reportingAgreements),
  }
}
