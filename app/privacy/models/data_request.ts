import { DataRequestSchema } from '#database/schema'
import { belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import { DateTime } from 'luxon'
import User from '#identity/models/user'

export const DATA_REQUEST_KINDS = ['export', 'erasure'] as const
export type DataRequestKind = (typeof DATA_REQUEST_KINDS)[number]
export type DataRequestState =
  'pending' | 'processing' | 'ready' | 'completed' | 'refused' | 'expired'

/** A person's request about their data (law 09-08), with the legal deadline to answer it. */
export default class DataRequest extends DataRequestSchema {
  declare kind: DataRequestKind
  declare state: DataRequestState

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>

  get isOpen() {
    return this.state === 'pending' || this.state === 'processing'
  }

  get isLate() {
    return this.isOpen && this.dueOn < DateTime.utc().startOf('day')
  }
}
