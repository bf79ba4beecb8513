import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#identity/models/user'
import type Enrolment from '#training/models/enrolment'

/**
 * Trainees enrol themselves; an enrolment is its trainee's alone (others are told it
 * does not exist). Coordinators see their institute's enrolments on their own pages.
 */
export default class EnrolmentPolicy extends BasePolicy {
  enrol(user: User) {
    return user.hasRole('trainee')
  }

  view(user: User, enrolment: Enrolment) {
    return enrolment.traineeId === user.id
  }

  withdraw(user: User, enrolment: Enrolment) {
    return enrolment.traineeId === user.id
  }
}
