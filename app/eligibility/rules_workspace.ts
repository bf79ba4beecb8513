import Call from '#programmes/models/call'
import User from '#identity/models/user'
import RuleSetVersion from '#eligibility/models/rule_set_version'
import { currentFormVersion } from '#programmes/form_versions'
import { latestRuleSet } from '#eligibility/rule_set_versions'
import { checkRuleSet } from '#eligibility/rule_set_checker'
import type { RuleSet } from '#eligibility/rule_set'
import type { CallState } from '#programmes/call_lifecycle'

/** What a call without rules starts from: everyone submitted is eligible, no auto-score. */
export const STARTER_RULES: RuleSet = { eligibility: { all: [] }, scoring: [] }

/**
 * Calls whose rules may still change. A closed call is screened again after a change of
 * rules; once decided, the verdicts are a record of what was applied.
 */
export const RULES_EDITABLE_STATES: ReadonlySet<CallState> = new Set(['draft', 'open', 'closed'])

/**
 * Everything the officers' rules page shows about a call: its current form (what the
 * rules are checked against), the working copy (the latest version, or the starter), the
 * version in force and the list of versions with who published them.
 */
export async function loadRulesWorkspace(callId: number) {
  const call = await Call.query().where('id', callId).preload('programme').firstOrFail()
  const [form, latest, versions] = await Promise.all([
    currentFormVersion(call.id),
    latestRuleSet(call.id),
    RuleSetVersion.query()
      .where('call_id', call.id)
      .select(
        'id',
        'call_id',
        'version',
        'published_at',
        'published_by',
        'created_at',
        'updated_at'
      )
      .orderBy('version', 'desc'),
  ])
  const publisherIds = [
    ...new Set(versions.map((version) => version.publishedBy).filter((id) => id !== null)),
  ]
  const publishers =
    publisherIds.length > 0
      ? await User.query().whereIn('id', publisherIds).select('id', 'full_name')
      : []
  const rules = latest?.rules ?? STARTER_RULES
  return {
    call,
    form: form ?? null,
    /** The latest version, null before the first save. */
    workingCopy: latest ?? null,
    rules,
    /** Problems of the working copy against the current form (which may have changed since). */
    problems: checkRuleSet(rules, form?.definition),
    inForce: versions.find((version) => version.publishedAt !== null) ?? null,
    versions,
    publisherNames: new Map(publishers.map((user) => [user.id, user.fullName])),
    editable: RULES_EDITABLE_STATES.has(call.state),
  }
}

export type RulesWorkspace = Awaited<ReturnType<typeof loadRulesWorkspace>>
