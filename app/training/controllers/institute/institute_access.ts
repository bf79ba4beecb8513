import type { HttpContext } from '@adonisjs/core/http'
import { coordinateInstitute } from '#identity/abilities'
import Cohort from '#training/models/cohort'
import CohortSession from '#training/models/cohort_session'
import Course from '#training/models/course'
import Certificate from '#training/models/certificate'
import CohortPolicy from '#training/policies/cohort_policy'
import CoursePolicy from '#training/policies/course_policy'
import CertificatePolicy from '#training/policies/certificate_policy'

/**
 * Coordinators' access: the role first (403), then the record (404 when it does not
 * exist), then the record's institute (403 when it is another institute's).
 */
export async function coordinatorInstitute(ctx: HttpContext): Promise<number> {
  await ctx.bouncer.authorize(coordinateInstitute)
  return ctx.auth.getUserOrFail().instituteId!
}

export async function ownCourse(ctx: HttpContext, id = ctx.params.id) {
  await coordinatorInstitute(ctx)
  const course = await Course.findOrFail(id)
  await ctx.bouncer.with(CoursePolicy).authorize('manage', course)
  return course
}

export async function ownCohort(ctx: HttpContext, id = ctx.params.id) {
  await coordinatorInstitute(ctx)
  const cohort = await Cohort.findOrFail(id)
  await ctx.bouncer.with(CohortPolicy).authorize('manage', cohort)
  return cohort
}

export async function ownSession(ctx: HttpContext) {
  await coordinatorInstitute(ctx)
  const session = await CohortSession.findOrFail(ctx.params.id)
  const cohort = await Cohort.findOrFail(session.cohortId)
  await ctx.bouncer.with(CohortPolicy).authorize('manage', cohort)
  return { session, cohort }
}

export async function ownCertificate(ctx: HttpContext) {
  await coordinatorInstitute(ctx)
  const certificate = await Certificate.findOrFail(ctx.params.id)
  const cohort = await Cohort.query()
    .whereIn('id', (query) =>
      query.from('enrolments').where('id', certificate.enrolmentId).select('cohort_id')
    )
    .firstOrFail()
  await ctx.bouncer.with(CertificatePolicy).authorize('revoke', cohort)
  return { certificate, cohort }
}
