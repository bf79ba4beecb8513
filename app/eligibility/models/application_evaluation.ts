import { ApplicationEvaluationSchema } from '#database/schema'
import { belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import RuleSetVersion from '#eligibility/models/rule_set_version'

/** The result of evaluating one application against one rule set version. */
export default class ApplicationEvaluation extends ApplicationEvaluationSchema {
  // numeric(5,2) comes back from pg as text.
  @column({ consume: (value) => (value === null ? value : Number(value)) })
  declare score: number

  @belongsTo(() => RuleSetVersion)
  declare ruleSetVersion: BelongsTo<typeof RuleSetVersion>
}
