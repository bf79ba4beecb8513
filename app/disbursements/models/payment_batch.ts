import { PaymentBatchSchema } from '#database/schema'
import { hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import Tranche from '#disbursements/models/tranche'

/** A payment run: Stripe transfers or a bank file. */
export default class PaymentBatch extends PaymentBatchSchema {
  @hasMany(() => Tranche, { foreignKey: 'batchId' })
  declare tranches: HasMany<typeof Tranche>
}
