import { ReviewSchema } from '#database/schema'
import { belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Application from '#applications/models/application'
import User from '#identity/models/user'
import Call from '#programmes/models/call'

/** One reviewer's assignment to one application, and their review. */
export default class Review extends ReviewSchema {
  @belongsTo(() => Application)
  declare application: BelongsTo<typeof Application>

  @belongsTo(() => User, { foreignKey: 'reviewerId' })
  declare reviewer: BelongsTo<typeof User>

  @belongsTo(() => Call)
  declare call: BelongsTo<typeof Call>
}
