import { OrganizationMemberSchema } from '#database/schema'
import { belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Organization from '#identity/models/organization'
import User from '#identity/models/user'

export default class OrganizationMember extends OrganizationMemberSchema {
  declare role: 'owner' | 'member'

  @belongsTo(() => Organization)
  declare organization: BelongsTo<typeof Organization>

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>
}
