import type { HttpContext } from '@adonisjs/core/http'
import Institute from '#training/models/institute'
import Course from '#training/models/course'
import Cohort from '#training/models/cohort'
import { nationalAiTarget, trainingNumbers } from '#training/training_numbers'
import { coordinatorInstitute } from '#training/controllers/institute/institute_access'

/** A coordinator's institute: its courses, cohorts and numbers. */
export default class DashboardController {
  async index(ctx: HttpContext) {
    const instituteId = await coordinatorInstitute(ctx)
    const [institute, courses, cohorts, numbers, target] = await Promise.all([
      Institute.findOrFail(instituteId),
      Course.query().where('institute_id', instituteId).orderBy('id', 'desc'),
      Cohort.query()
        .where('institute_id', instituteId)
        .preload('course')
        .orderBy('starts_on', 'desc'),
      trainingNumbers(instituteId),
      nationalAiTarget(),
    ])
    return ctx.view.render('pages/training/institute/index', {
      institute,
      courses,
      cohorts,
      numbers,
      target,
    })
  }
}
