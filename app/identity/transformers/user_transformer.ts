import type User from '#identity/models/user'

/** The JSON shape of a person: never the password hash, tokens or internal columns. */
export function userResource(user: User) {
  return {
    id: user.id,
    email: user.email,
    fullName: user.fullName,
    preferredLocale: user.preferredLocale,
    roles: user.roles,
    emailVerified: user.isVerified,
    createdAt: user.createdAt.toISO(),
  }
}
