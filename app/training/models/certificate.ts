import { CertificateSchema } from '#database/schema'
import { belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Enrolment from '#training/models/enrolment'

/** A certificate of completion, verifiable by its public code. */
export default class Certificate extends CertificateSchema {
  @belongsTo(() => Enrolment)
  declare enrolment: BelongsTo<typeof Enrolment>
}
