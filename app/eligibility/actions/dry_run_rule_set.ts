import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import type Call from '#programmes/models/call'
import type { RuleSet } from '#eligibility/rule_set'
import { compileRuleSet } from '#eligibility/evaluate'
import { evaluationContext } from '#eligibility/evaluation_context'
import { DryRunComparison, type DryRunSummary } from '#eligibility/dry_run'

/** Applications read per query: enough to keep round trips few, small enough for memory. */
export const DRY_RUN_BATCH = 1000

/** States that never have a verdict to compare: not submitted, or taken back. */
const SKIPPED_STATES = ['draft', 'withdrawn']

interface Row {
  id: number
  reference: string | null
  title: string | null
  submitted_answers: Record<string, Record<string, unknown>> | null
  submitted_at: Date | string
  verdict_by: number | null
  eligible: boolean | null
  score: string | number | null
}

/**
 * Evaluates a rule set against every submitted application of a call and compares the
 * verdicts with the stored evaluations, writing nothing: the officer sees what publishing
 * and re-evaluating would change before doing it. The rule set is compiled once; the
 * applications are read in batches along their id.
 */
export class DryRunRuleSet {
  async handle(call: Call, rules: RuleSet): Promise<DryRunSummary> {
    const evaluator = compileRuleSet(rules)
    const comparison = new DryRunComparison()
    let cursor = 0
    for (;;) {
      const rows: Row[] = await db
        .from('applications')
        .leftJoin(
          'application_evaluations',
          'application_evaluations.id',
          'applications.evaluation_id'
        )
        .where('applications.call_id', call.id)
        .whereNotIn('applications.state', SKIPPED_STATES)
        .whereNotNull('applications.submitted_at')
        .where('applications.id', '>', cursor)
        .orderBy('applications.id')
        .limit(DRY_RUN_BATCH)
        .select(
          'applications.id',
          'applications.reference',
          'applications.title',
          'applications.submitted_answers',
          'applications.submitted_at',
          'applications.verdict_by',
          'application_evaluations.eligible',
          'application_evaluations.score'
        )
      for (const row of rows) {
        const submittedAt =
          row.submitted_at instanceof Date
            ? DateTime.fromJSDate(row.submitted_at)
            : DateTime.fromISO(row.submitted_at)
        const result = evaluator(
          row.submitted_answers ?? {},
          evaluationContext(call.closesAt, submittedAt)
        )
        comparison.add({
          applicationId: row.id,
          reference: row.reference,
          title: row.title,
          before:
            row.eligible === null ? null : { eligible: row.eligible, score: Number(row.score) },
          after: { eligible: result.eligible, score: result.score },
          decidedByHand: row.verdict_by !== null,
        })
      }
      if (rows.length < DRY_RUN_BATCH) break
      cursor = rows[rows.length - 1].id
    }
    return comparison.summary()
  }
}
