import { UserSchema } from '#database/schema'
import hash from '@adonisjs/core/services/hash'
import { compose } from '@adonisjs/core/helpers'
import { withAuthFinder } from '@adonisjs/auth/mixins/lucid'
import { DbAccessTokensProvider } from '@adonisjs/auth/access_tokens'
import { hasMany, manyToMany, scope } from '@adonisjs/lucid/orm'
import type { HasMany, ManyToMany } from '@adonisjs/lucid/types/relations'
import Organization from '#identity/models/organization'
import OrganizationMember from '#identity/models/organization_member'
import { STAFF_ROLES, type Role } from '#identity/roles'

export default class User extends compose(UserSchema, withAuthFinder(hash)) {
  /** Opaque bearer tokens for the JSON API, stored hashed. */
  static accessTokens = DbAccessTokensProvider.forModel(User, {
    prefix: 'mns_',
    table: 'auth_access_tokens',
    type: 'api',
    expiresIn: '90 days',
  })

  @hasMany(() => OrganizationMember)
  declare memberships: HasMany<typeof OrganizationMember>

  @manyToMany(() => Organization, {
    pivotTable: 'organization_members',
    pivotColumns: ['role'],
    pivotTimestamps: { createdAt: 'created_at', updatedAt: false },
  })
  declare organizations: ManyToMany<typeof Organization>

  static withRole = scope((query, role: Role) => {
    query.whereRaw('? = ANY(roles)', [role])
  })

  hasRole(...roles: Role[]) {
    return roles.some((role) => this.roles.includes(role))
  }

  get isStaff() {
    return this.roles.some((role) => STAFF_ROLES.includes(role))
  }

  get isVerified() {
    return this.emailVerifiedAt !== null
  }

  get initials() {
    const words = this.fullName.trim().split(/\s+/)
    return words
      .slice(0, 2)
      .map((word) => [...word][0] ?? '')
      .join('')
      .toUpperCase()
  }
}
