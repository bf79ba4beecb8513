import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type Application from '#applications/models/application'
import type Call from '#programmes/models/call'
import type RuleSetVersion from '#eligibility/models/rule_set_version'
import ApplicationEvaluation from '#eligibility/models/application_evaluation'
import { applicationLifecycle } from '#applications/application_lifecycle'
import { evaluate } from '#eligibility/evaluate'
import { evaluationContext } from '#eligibility/evaluation_context'
import type { Actor } from '#core/audit/actor'

/**
 * Screens a just-submitted application against the call's published rules, in the
 * submission's transaction: the result is stored once per rule set version and the
 * application moves submitted → screening → eligible | ineligible, each step audited.
 */
export async function screenApplication(
  application: Application,
  call: Call,
  ruleSet: RuleSetVersion,
  actor: Actor,
  client: TransactionClientContract
) {
  const evaluation = await storeEvaluation(application, call, ruleSet, client)
  application.evaluationId = Number(evaluation.id)
  await applicationLifecycle.apply(application, 'screening', { actor, client })
  return applicationLifecycle.apply(application, evaluation.eligible ? 'eligible' : 'ineligible', {
    actor,
    client,
    metadata: { ruleSetVersion: ruleSet.version, score: evaluation.score },
  })
}

/**
 * Evaluates the submitted answers and stores the result for this rule set version. Doing
 * it again for the same version finds the stored row: nothing is written or counted twice.
 */
export async function storeEvaluation(
  application: Application,
  call: Call,
  ruleSet: RuleSetVersion,
  client: TransactionClientContract
) {
  const result = evaluate(
    ruleSet.rules,
    application.submittedAnswers ?? {},
    evaluationContext(call.closesAt, application.submittedAt!)
  )
  await client
    .insertQuery()
    .table('application_evaluations')
    .insert({
      application_id: application.id,
      rule_set_version_id: ruleSet.id,
      eligible: result.eligible,
      score: result.score,
      result: JSON.stringify(result),
      created_at: new Date(),
    })
    .onConflict(['application_id', 'rule_set_version_id'])
    .ignore()
  return ApplicationEvaluation.query({ client })
    .where({ applicationId: application.id, ruleSetVersionId: ruleSet.id })
    .firstOrFail()
}
