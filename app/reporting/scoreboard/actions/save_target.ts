import db from '@adonisjs/lucid/services/db'
import type { Infer } from '@vinejs/vine/types'
import ScoreboardTarget from '#reporting/scoreboard/models/scoreboard_target'
import { INDICATORS } from '#reporting/scoreboard/indicators'
import { parseTargetValue } from '#reporting/scoreboard/target_values'
import type {
  newTargetValidator,
  targetUpdateValidator,
} from '#reporting/scoreboard/validators/targets'
import { InvalidFields } from '#core/exceptions/domain_error'
import { recordAudit } from '#core/audit/audit_trail'
import type { Actor } from '#core/audit/actor'

function storedValue(unit: ScoreboardTarget['unit'], typed: string) {
  const value = parseTargetValue(unit, typed)
  if (value === null) {
    throw new InvalidFields([{ field: 'targetValue', message: `scoreboard.errors.value_${unit}` }])
  }
  return value
}

/**
 * An admin sets the scoreboard's targets: a new one (one per indicator, year and region:
 * the unique index decides under concurrency) or a new value for one. Audited with the
 * value before and after, in the same transaction.
 */
export class SaveTarget {
  async create(input: Infer<typeof newTargetValidator>, actor: Actor) {
    const unit = INDICATORS[input.indicator]
    const targetValue = storedValue(unit, input.targetValue)
    return db.transaction(async (client) => {
      const { rows: inserted } = await client.rawQuery(
        `INSERT INTO scoreboard_targets
           (indicator, year, region, target_value, unit, is_demo, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, now(), now())
         ON CONFLICT (indicator, year, coalesce(region, '')) DO NOTHING
         RETURNING id`,
        [
          input.indicator,
          input.year,
          input.region ?? null,
          targetValue,
          unit,
          input.isDemo ?? false,
        ] as any[]
      )
      if (inserted.length === 0) {
        throw new InvalidFields([{ field: 'indicator', message: 'scoreboard.errors.exists' }])
      }
      const id = Number(inserted[0].id)
      await recordAudit(
        {
          actor,
          action: 'scoreboard_target.created',
          subjectType: 'scoreboard_target',
          subjectId: id,
          metadata: { ...input, targetValue, unit },
        },
        client
      )
      return id
    })
  }

  async update(id: number, input: Infer<typeof targetUpdateValidator>, actor: Actor) {
    return db.transaction(async (client) => {
      const target = await ScoreboardTarget.query({ client }).where('id', id).forUpdate().first()
      if (!target) return null
      const targetValue = storedValue(target.unit, input.targetValue)
      const before = { targetValue: target.targetValue, isDemo: target.isDemo }
      target.merge({ targetValue, isDemo: input.isDemo ?? false })
      await target.useTransaction(client).save()
      await recordAudit(
        {
          actor,
          action: 'scoreboard_target.updated',
          subjectType: 'scoreboard_target',
          subjectId: target.id,
          metadata: {
            indicator: target.indicator,
            year: target.year,
            region: target.region,
            before,
            after: { targetValue, isDemo: target.isDemo },
          },
        },
        client
      )
      return target
    })
  }
}
