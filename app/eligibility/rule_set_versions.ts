import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import RuleSetVersion from '#eligibility/models/rule_set_version'

/** The rule set in force for a call: its latest published version, if any. */
export function publishedRuleSet(callId: number, client?: TransactionClientContract) {
  return RuleSetVersion.query({ client })
    .where('call_id', callId)
    .whereNotNull('published_at')
    .orderBy('version', 'desc')
    .first()
}

/** The officer's working copy: the latest version, published or not. */
export function latestRuleSet(callId: number, client?: TransactionClientContract) {
  return RuleSetVersion.query({ client })
    .where('call_id', callId)
    .orderBy('version', 'desc')
    .first()
}
