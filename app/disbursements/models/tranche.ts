import { TranchSchema } from '#database/schema'
import { belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Agreement from '#disbursements/models/agreement'

/** One payment of an agreement, through its lifecycle. */
export default class Tranche extends TranchSchema {
  @belongsTo(() => Agreement)
  declare agreement: BelongsTo<typeof Agreement>
}
