import { ReviewAggregateSchema } from '#database/schema'
import { column } from '@adonisjs/lucid/orm'

/** Aggregated scores of one application. */
export default class ReviewAggregate extends ReviewAggregateSchema {
  @column({ consume: (value) => (value === null ? value : Number(value)) })
  declare stdDev: number

  @column({ consume: (value) => (value === null ? value : Number(value)) })
  declare normalizedScore: number
}
