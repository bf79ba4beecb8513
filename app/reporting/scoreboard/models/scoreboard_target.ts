import { ScoreboardTargetSchema } from '#database/schema'
import type { IndicatorKey, IndicatorUnit } from '#reporting/scoreboard/indicators'

/** A Digital Morocco 2030 target: national (region null) or one region's. */
export default class ScoreboardTarget extends ScoreboardTargetSchema {
  declare indicator: IndicatorKey
  declare unit: IndicatorUnit
}
