import factory from '@adonisjs/lucid/factories'
import { DateTime } from 'luxon'
import User from '#identity/models/user'
import type { Role } from '#identity/roles'

/** Password of every factory user; tests log in with it. */
export const FACTORY_PASSWORD = 'correct horse battery staple'

export const UserFactory = factory
  .define(User, ({ faker }) => ({
    // Without apostrophes (O'Kon), so tests can look for the name in escaped HTML.
    fullName: faker.person.fullName().replaceAll("'", ''),
    email: faker.internet
      .email()
      .replace('@', `.${faker.string.alphanumeric(6)}@`)
      .toLowerCase(),
    password: FACTORY_PASSWORD,
    preferredLocale: 'fr',
    roles: ['applicant'] as Role[],
    emailVerifiedAt: DateTime.utc(),
  }))
  .state('unverified', (user) => {
    user.emailVerifiedAt = null
  })
  .build()

/** A verified user holding exactly these roles. */
export function userWithRoles(...roles: Role[]) {
  return UserFactory.merge({ roles }).create()
}
