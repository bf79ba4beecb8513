import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#identity/models/user'
import type Enrolment from '#training/models/enrolment'
import type Cohort from '#training/models/cohort'

/**
 * A certificate is downloaded by its trainee only; it is revoked by a coordinator of the
 * institute that issued it.
 */
export default class CertificatePolicy extends BasePolicy {
  download(user: User, enrolment: Enrolment) {
    return enrolment.traineeId === user.id
  }

  revoke(user: User, cohort: Cohort) {
    return (
      user.hasRole('institute_coordinator') &&
      user.instituteId !== null &&
      user.instituteId === cohort.instituteId
    )
  }
}
