import { ApplicationEvaluationSchema } from '#database/schema'
import { belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import RuleSetVersion from '#eligibility/models/rule_set_version'

/** The result of evaluating one application against one rule set version. */
export default class ApplicationEvaluation extends ApplicationEvaluationSchema {
  @belongsTo(() => RuleSetVersion)
  declare ruleSetVersion: BelongsTo<typeof RuleSetVersion>
}
