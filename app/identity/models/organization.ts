import { OrganizationSchema } from '#database/schema'
import { hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import OrganizationMember from '#identity/models/organization_member'

export const ORGANIZATION_KINDS = ['startup', 'fund_manager_company'] as const
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number]

/** A startup (RC, ICE, region, sector) or a VC fund manager company (country, regulator, AUM). */
export default class Organization extends OrganizationSchema {
  declare kind: OrganizationKind

  @hasMany(() => OrganizationMember)
  declare members: HasMany<typeof OrganizationMember>
}
