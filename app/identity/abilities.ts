import { Bouncer } from '@adonisjs/bouncer'
import type User from '#identity/models/user'
import { searchScopeOf } from '#app/search/staff_search'

/**
 * Abilities that are not about one record. Record-level rules live in policies.
 */
export const manageUsers = Bouncer.ability((user: User) => user.hasRole('admin'))
export const viewAuditLog = Bouncer.ability((user: User) => user.hasRole('admin'))
export const manageProgrammes = Bouncer.ability((user: User) => user.hasRole('programme_officer'))
export const reviewApplications = Bouncer.ability((user: User) => user.hasRole('reviewer'))
export const manageFinance = Bouncer.ability((user: User) => user.hasRole('finance_officer'))
export const coordinateInstitute = Bouncer.ability(
  (user: User) => user.hasRole('institute_coordinator') && user.instituteId !== null
)
export const enrolInCohorts = Bouncer.ability((user: User) => user.hasRole('trainee'))
/** Staff search: officers, admins and (within what they pay) finance officers. */
export const searchStaff = Bouncer.ability((user: User) => searchScopeOf(user) !== null)
/** The scoreboard with its regional detail: the ministry, officers and admins. */
export const viewScoreboardDetail = Bouncer.ability((user: User) =>
  user.hasRole('ministry', 'programme_officer', 'admin')
)
