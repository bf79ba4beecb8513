import { OpenDataReleaseSchema } from '#database/schema'
import { belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Call from '#programmes/models/call'

/** What made a release: a publication of decisions, payments, a consent, an officer, the sweep. */
export const RELEASE_REASONS = ['publication', 'payments', 'consent', 'officer', 'sweep'] as const
export type ReleaseReason = (typeof RELEASE_REASONS)[number]

/** An immutable snapshot of one call's grants in the 360Giving standard (JSON and CSV). */
export default class OpenDataRelease extends OpenDataReleaseSchema {
  declare reason: ReleaseReason

  @column()
  declare namedUserIds: number[]

  @belongsTo(() => Call)
  declare call: BelongsTo<typeof Call>

  /** A strong validator: a release's bytes never change once issued. */
  etag(format: 'json' | 'csv') {
    return `"${this.id}-${this.digest.slice(0, 16)}-${format}"`
  }

  get isServed() {
    return this.retractedAt === null
  }
}
