import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#identity/models/user'
import type Course from '#training/models/course'

/** A course is edited by the coordinators of its institute, and by no one else. */
export default class CoursePolicy extends BasePolicy {
  manage(user: User, course: Course) {
    return (
      user.hasRole('institute_coordinator') &&
      user.instituteId !== null &&
      user.instituteId === course.instituteId
    )
  }
}
