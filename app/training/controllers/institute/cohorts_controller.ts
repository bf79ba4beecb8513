import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import { actorFrom } from '#core/audit/actor'
import Course from '#training/models/course'
import { SaveCohort } from '#training/actions/save_cohort'
import { cohortOverview } from '#training/cohort_overview'
import { cohortValidator, instituteMessages } from '#training/validators/institute'
import { coordinatorInstitute, ownCohort } from '#training/controllers/institute/institute_access'

/** A coordinator's cohorts: create, edit, and the cohort's page. */
export default class CohortsController {
  async create(ctx: HttpContext) {
    const instituteId = await coordinatorInstitute(ctx)
    const courses = await Course.query().where('institute_id', instituteId).orderBy('id', 'desc')
    return ctx.view.render('pages/training/institute/cohort_form', {
      cohort: null,
      courses,
      courseId: Number(ctx.request.input('course')) || courses[0]?.id,
    })
  }

  @inject()
  async store(ctx: HttpContext, saveCohort: SaveCohort) {
    const instituteId = await coordinatorInstitute(ctx)
    const input = await ctx.request.validateUsing(cohortValidator, {
      messagesProvider: instituteMessages(ctx.i18n),
    })
    const cohort = await saveCohort.handle(instituteId, null, input, actorFrom(ctx))
    ctx.session.flash('success', ctx.i18n.t('institute.cohorts.saved'))
    return ctx.response.redirect().toRoute('institute.cohorts.show', { id: cohort.id })
  }

  async show(ctx: HttpContext) {
    const cohort = await ownCohort(ctx)
    await cohort.load('course')
    const overview = await cohortOverview(cohort)
    return ctx.view.render('pages/training/institute/cohort', { cohort, ...overview })
  }

  async edit(ctx: HttpContext) {
    const cohort = await ownCohort(ctx)
    const courses = await Course.query()
      .where('institute_id', cohort.instituteId)
      .orderBy('id', 'desc')
    return ctx.view.render('pages/training/institute/cohort_form', {
      cohort,
      courses,
      courseId: cohort.courseId,
    })
  }

  @inject()
  async update(ctx: HttpContext, saveCohort: SaveCohort) {
    const cohort = await ownCohort(ctx)
    const input = await ctx.request.validateUsing(cohortValidator, {
      messagesProvider: instituteMessages(ctx.i18n),
    })
    await saveCohort.handle(cohort.instituteId, cohort.id, input, actorFrom(ctx))
    ctx.session.flash('success', ctx.i18n.t('institute.cohorts.saved'))
    return ctx.response.redirect().toRoute('institute.cohorts.show', { id: cohort.id })
  }
}
