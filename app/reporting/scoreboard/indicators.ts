/**
 * The indicators of the Digital Morocco 2030 scoreboard and the unit each is kept in.
 * Values travel as integers: a count, centimes for MAD, hundredths for a ratio (leverage
 * 4.25 is 425) or a percentage (31.5 % is 3150), so targets and figures compare exactly.
 */
export const INDICATORS = {
  startups_supported: 'count',
  mad_committed: 'mad',
  mad_disbursed: 'mad',
  vc_funds_selected: 'count',
  vc_capital_committed: 'mad',
  vc_leverage: 'ratio',
  living_grant_grantees: 'count',
  ai_trainees_enrolled: 'count',
  ai_trainees_certified: 'count',
  jobs_created: 'count',
  funds_raised: 'mad',
  women_in_teams: 'percent',
} as const

export type IndicatorKey = keyof typeof INDICATORS
export type IndicatorUnit = (typeof INDICATORS)[IndicatorKey]

export const INDICATOR_KEYS = Object.keys(INDICATORS) as IndicatorKey[]

export const STARTUP_STAGES = ['ideation', 'early', 'growth', 'fundraising'] as const

/** Regional cells counting fewer people than this show "< 5" on the public page. */
export const SUPPRESSION_THRESHOLD = 5

/** Share of the target reached, in percent with one decimal (may exceed 100). */
export function percentOfTarget(actual: number, target: number) {
  return target > 0 ? Math.round((actual * 1000) / target) / 10 : 0
}

/** A ratio in hundredths (4.25 → 425), rounded half up; 0 when there is no denominator. */
export function ratioInHundredths(numerator: number, denominator: number) {
  return denominator > 0 ? Math.round((numerator * 100) / denominator) : 0
}

/** A share in hundredths of a percent (31.5 % → 3150); 0 when there is no whole. */
export function percentInHundredths(part: number, whole: number) {
  return whole > 0 ? Math.round((part * 10_000) / whole) : 0
}
