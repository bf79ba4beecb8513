import { CourseSchema } from '#database/schema'
import { belongsTo, hasMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import Institute from '#training/models/institute'
import Cohort from '#training/models/cohort'

/** A course of a Jazari institute. */
export default class Course extends CourseSchema {
  @belongsTo(() => Institute)
  declare institute: BelongsTo<typeof Institute>

  @hasMany(() => Cohort)
  declare cohorts: HasMany<typeof Cohort>
}
