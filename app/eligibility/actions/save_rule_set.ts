import { isDeepStrictEqual } from 'node:util'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Call from '#programmes/models/call'
import RuleSetVersion from '#eligibility/models/rule_set_version'
import { currentFormVersion } from '#programmes/form_versions'
import { checkRuleSet } from '#eligibility/rule_set_checker'
import { RULES_EDITABLE_STATES } from '#eligibility/rules_workspace'
import { recordAudit } from '#core/audit/audit_trail'
import { DomainError } from '#core/exceptions/domain_error'
import type { RuleSet } from '#eligibility/rule_set'
import type { Actor } from '#core/audit/actor'
import type { I18n } from '@adonisjs/i18n'

/**
 * The call row, locked: saves and publications of one call's rules take turns, so two
 * saves cannot both create the same version and a save cannot slip under a publication.
 * Refuses a call whose rules can no longer change.
 */
export async function lockCallForRules(callId: number, client: TransactionClientContract) {
  const call = await Call.query({ client }).where('id', callId).forUpdate().firstOrFail()
  if (!RULES_EDITABLE_STATES.has(call.state)) {
    throw new DomainError('eligibility_staff.read_only_error', { status: 409 })
  }
  return call
}

/** The latest version of a call's rules (the working copy), locked. */
export function lockLatestRuleSet(callId: number, client: TransactionClientContract) {
  return RuleSetVersion.query({ client })
    .where('call_id', callId)
    .orderBy('version', 'desc')
    .forUpdate()
    .first()
}

/** The rules must fit the call's form as it is now (fields, operators, values). */
export async function assertRulesFit(
  callId: number,
  rules: unknown,
  client: TransactionClientContract,
  refusal = 'eligibility_staff.invalid'
) {
  const form = await currentFormVersion(callId, client)
  const problems = checkRuleSet(rules, form?.definition)
  if (problems.length > 0) {
    throw new DomainError(refusal, {
      status: 422,
      data: { count: problems.length },
    })
  }
}

/**
 * Saves the officer's working copy of a call's rules. A published version never changes
 * (a database trigger refuses it): after a publication the change becomes the next
 * version, unpublished. An unpublished latest version is corrected in place. Saving the
 * rules the latest version already holds writes and records nothing.
 */
export class SaveRuleSet {
  async handle(callId: number, rules: RuleSet, actor: Actor) {
    return db.transaction(async (client) => {
      const call = await lockCallForRules(callId, client)
      await assertRulesFit(call.id, rules, client)
      const latest = await lockLatestRuleSet(call.id, client)
      if (latest && isDeepStrictEqual(latest.rules, rules)) {
        return { version: latest, created: false, changed: false }
      }

      let saved: RuleSetVersion
      const created = !latest || latest.isPublished
      if (latest && !latest.isPublished) {
        latest.rules = rules
        saved = await latest.useTransaction(client).save()
      } else {
        saved = await RuleSetVersion.create(
          { callId: call.id, version: (latest?.version ?? 0) + 1, rules, publishedAt: null },
          { client }
        )
      }
      await recordAudit(
        {
          actor,
          action: 'call.rules_saved',
          subjectType: 'call',
          subjectId: call.id,
          metadata: { version: saved.version, ruleSetVersionId: saved.id, newVersion: created },
        },
        client
      )
      return { version: saved, created, changed: true }
    })
  }
}

/** What the officer reads after a save (either editor): unchanged, corrected in place, or a new version. */
export function ruleSetSavedMessage(
  i18n: I18n,
  saved: { changed: boolean; created: boolean; version: RuleSetVersion }
) {
  return !saved.changed
    ? i18n.t('eligibility_staff.saved.unchanged', { version: saved.version.version })
    : saved.created && saved.version.version > 1
      ? i18n.t('eligibility_staff.saved.new_version', {
          version: saved.version.version,
          published: saved.version.version - 1,
        })
      : i18n.t('eligibility_staff.saved.in_place', { version: saved.version.version })
}
