import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#identity/models/user'
import type Cohort from '#training/models/cohort'

/** A cohort is managed by the coordinators of its institute, and by no one else. */
export default class CohortPolicy extends BasePolicy {
  manage(user: User, cohort: Cohort) {
    return (
      user.hasRole('institute_coordinator') &&
      user.instituteId !== null &&
      user.instituteId === cohort.instituteId
    )
  }
}
