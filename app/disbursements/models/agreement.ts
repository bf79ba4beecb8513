import { AgreementSchema } from '#database/schema'
import { belongsTo, column, hasMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import Decision from '#reviews/models/decision'
import Application from '#applications/models/application'
import User from '#identity/models/user'
import Tranche from '#disbursements/models/tranche'

/** The grant agreement of an accepted award and its tranche schedule. */
export default class Agreement extends AgreementSchema {
  // The naming strategy would read `iban_last_4`.
  @column({ columnName: 'iban_last4' })
  declare ibanLast4: string | null

  @belongsTo(() => Decision)
  declare decision: BelongsTo<typeof Decision>

  @belongsTo(() => Application)
  declare application: BelongsTo<typeof Application>

  @belongsTo(() => User, { foreignKey: 'beneficiaryId' })
  declare beneficiary: BelongsTo<typeof User>

  @hasMany(() => Tranche)
  declare tranches: HasMany<typeof Tranche>
}
