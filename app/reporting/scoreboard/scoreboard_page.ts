import redis from '@adonisjs/redis/services/main'
import env from '#start/env'
import { Money } from '#core/money'
import { intlTagOf } from '#core/i18n/locales'
import ScoreboardTarget from '#reporting/scoreboard/models/scoreboard_target'
import {
  INDICATORS,
  INDICATOR_KEYS,
  percentOfTarget,
  type IndicatorUnit,
} from '#reporting/scoreboard/indicators'
import {
  scoreboardFigures,
  suppressSmallCells,
  type PublicRegionFigures,
  type RegionFigures,
  type ScoreboardFigures,
} from '#reporting/scoreboard/scoreboard_figures'

/** A stored figure as people read it, in their locale: 1 234, 12 500,00 MAD, 4,25 ×, 31,5 %. */
export function formatIndicator(unit: IndicatorUnit, value: number, locale: string) {
  const number = (amount: number, digits = 0) =>
    new Intl.NumberFormat(intlTagOf(locale), { maximumFractionDigits: digits }).format(amount)
  switch (unit) {
    case 'mad':
      return Money.ofCentimes(value).format(locale)
    case 'ratio':
      return `${number(value / 100, 2)} ×`
    case 'percent':
      return new Intl.NumberFormat(intlTagOf(locale), {
        style: 'percent',
        maximumFractionDigits: 1,
      }).format(value / 10_000)
    default:
      return number(value)
  }
}

/** The public figures are shared by every visitor for this long (Redis, all processes). */
export const PUBLIC_CACHE_SECONDS = 60

/**
 * The country's figures for the public page: computed at most once a minute whatever the
 * traffic, kept in Redis so that every web process serves the same ones.
 */
async function publicFigures(): Promise<ScoreboardFigures> {
  const key = `${env.get('QUEUE_PREFIX')}:scoreboard:public`
  const cached = await redis.get(key)
  if (cached) return JSON.parse(cached)
  const figures = await scoreboardFigures(null)
  await redis.set(key, JSON.stringify(figures), 'EX', PUBLIC_CACHE_SECONDS)
  return figures
}

export interface TargetProgress {
  id: number
  indicator: string
  year: number
  region: string | null
  isDemo: boolean
  actualText: string
  targetText: string
  /** Share reached in percent (one decimal, may exceed 100); the bar stops at 100. */
  percent: number
  bar: number
}

/**
 * The scoreboard as a page shows it: the figures, each target with its progress, and the
 * regional table (counts of 1 to 4 people suppressed for the public). Targets are those
 * of the scope shown: national ones for the country, a region's own for a region.
 */
export async function scoreboardPage(
  region: string | null,
  audience: 'public' | 'staff',
  locale: string
) {
  const [figures, targets] = await Promise.all([
    audience === 'public' ? publicFigures() : scoreboardFigures(region),
    ScoreboardTarget.query()
      .if(
        region,
        (query) => query.where('region', region!),
        (query) => query.whereNull('region')
      )
      .orderBy('year')
      .orderBy('id'),
  ])
  const progress: TargetProgress[] = targets
    .filter((target) => target.indicator in INDICATORS)
    .map((target) => {
      const actual = figures.indicators[target.indicator]
      const percent = percentOfTarget(actual, target.targetValue)
      return {
        id: target.id,
        indicator: target.indicator,
        year: target.year,
        region: target.region,
        isDemo: target.isDemo,
        actualText: formatIndicator(target.unit, actual, locale),
        targetText: formatIndicator(target.unit, target.targetValue, locale),
        percent,
        bar: Math.min(100, Math.max(percent, actual > 0 ? 0.5 : 0)),
      }
    })
  const indicators = INDICATOR_KEYS.map((key) => ({
    key,
    text: formatIndicator(INDICATORS[key], figures.indicators[key], locale),
  }))
  // The public never receives a small cell's value, not even in the view's data.
  const regions: Array<RegionFigures | PublicRegionFigures> =
    audience === 'public' ? figures.regions.map(suppressSmallCells) : figures.regions
  return { figures: { ...figures, regions }, indicators, progress }
}
