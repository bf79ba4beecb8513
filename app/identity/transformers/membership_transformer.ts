import type Organization from '#identity/models/organization'

/** One of the caller's organizations and their role in it (from the membership's pivot). */
export function membershipResource(organization: Organization) {
  return {
    id: organization.id,
    kind: organization.kind,
    name: organization.name,
    role: organization.$extras.pivot_role as 'owner' | 'member',
  }
}
