import type User from '#identity/models/user'
import {
  coordinateInstitute,
  enrolInCohorts,
  manageFinance,
  manageProgrammes,
  manageUsers,
  reviewApplications,
  searchStaff,
  viewScoreboardDetail,
} from '#identity/abilities'

/** The abilities the site header shows a link for, by the name `@can` would ask. */
const HEADER_ABILITIES = {
  enrolInCohorts,
  reviewApplications,
  coordinateInstitute,
  manageFinance,
  manageProgrammes,
  viewScoreboardDetail,
  searchStaff,
  manageUsers,
}

/**
 * Which of the header's links a signed-in person gets, asked of the same abilities the
 * routes are guarded with, but directly: the header asks on every page, and each Bouncer
 * check costs a promise chain and an event (about 14 µs a link). These abilities are
 * synchronous checks of the person's own roles; one that answered anything but `true`
 * (a promise, a response object) would show no link rather than a wrong one.
 */
export function headerAbilitiesOf(user: User) {
  return Object.fromEntries(
    Object.entries(HEADER_ABILITIES).map(([name, ability]) => [
      name,
      ability.execute(user) === true,
    ])
  ) as Record<keyof typeof HEADER_ABILITIES, boolean>
}
