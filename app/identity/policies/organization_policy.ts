import { BasePolicy } from '@adonisjs/bouncer'
import db from '@adonisjs/lucid/services/db'
import type User from '#identity/models/user'
import type Organization from '#identity/models/organization'

async function membershipRole(user: User, organization: Organization) {
  const row = await db
    .from('organization_members')
    .where({ organization_id: organization.id, user_id: user.id })
    .select('role')
    .first()
  return (row?.role as 'owner' | 'member' | undefined) ?? null
}

/** Members see their organization; owners manage its members. Admins see all. */
export default class OrganizationPolicy extends BasePolicy {
  async view(user: User, organization: Organization) {
    return user.hasRole('admin') || (await membershipRole(user, organization)) !== null
  }

  async manageMembers(user: User, organization: Organization) {
    return (await membershipRole(user, organization)) === 'owner'
  }
}
