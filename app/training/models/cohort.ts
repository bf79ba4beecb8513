import { CohortSchema } from '#database/schema'
import { belongsTo, hasMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import Course from '#training/models/course'
import Institute from '#training/models/institute'
import CohortSession from '#training/models/cohort_session'
import Enrolment from '#training/models/enrolment'

/** One run of a course, with its dates, seats and sessions. */
export default class Cohort extends CohortSchema {
  @belongsTo(() => Course)
  declare course: BelongsTo<typeof Course>

  @belongsTo(() => Institute)
  declare institute: BelongsTo<typeof Institute>

  @hasMany(() => CohortSession)
  declare sessions: HasMany<typeof CohortSession>

  @hasMany(() => Enrolment)
  declare enrolments: HasMany<typeof Enrolment>
}
