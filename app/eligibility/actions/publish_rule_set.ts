import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { recordAudit } from '#core/audit/audit_trail'
import { DomainError } from '#core/exceptions/domain_error'
import {
  assertRulesFit,
  lockCallForRules,
  lockLatestRuleSet,
} from '#eligibility/actions/save_rule_set'
import type { Actor } from '#core/audit/actor'

/**
 * Publishes a call's working copy: it becomes the version in force, which new
 * submissions are screened against, and never changes again. Stored evaluations are left
 * as they are: applying the new version to submitted applications is a re-evaluation.
 * Refused when the latest version is already published, or no longer fits the form.
 */
export class PublishRuleSet {
  async handle(callId: number, actor: Actor) {
    return db.transaction(async (client) => {
      const call = await lockCallForRules(callId, client)
      const latest = await lockLatestRuleSet(call.id, client)
      if (!latest || latest.isPublished) {
        throw new DomainError('eligibility_staff.publication.nothing', { status: 409 })
      }
      await assertRulesFit(call.id, latest.rules, client, 'eligibility_staff.publication.blocked')
      latest.publishedAt = DateTime.utc()
      latest.publishedBy = actor.id
      await latest.useTransaction(client).save()
      await recordAudit(
        {
          actor,
          action: 'call.rules_published',
          subjectType: 'call',
          subjectId: call.id,
          metadata: { version: latest.version, ruleSetVersionId: latest.id },
        },
        client
      )
      return latest
    })
  }
}
