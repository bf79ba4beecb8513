import { EnrolmentSchema } from '#database/schema'
import { belongsTo, column, hasOne } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasOne } from '@adonisjs/lucid/types/relations'
import Cohort from '#training/models/cohort'
import User from '#identity/models/user'
import Certificate from '#training/models/certificate'

/** A trainee's enrolment in a cohort (accepted, waitlisted, …). */
export default class Enrolment extends EnrolmentSchema {
  @column({ consume: (value) => (value === null ? value : Number(value)) })
  declare assessmentScore: number | null

  @belongsTo(() => Cohort)
  declare cohort: BelongsTo<typeof Cohort>

  @belongsTo(() => User, { foreignKey: 'traineeId' })
  declare trainee: BelongsTo<typeof User>

  @hasOne(() => Certificate)
  declare certificate: HasOne<typeof Certificate>
}
