import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import { actorFrom } from '#core/audit/actor'
import { SaveCourse } from '#training/actions/save_course'
import { courseValidator, instituteMessages } from '#training/validators/institute'
import { coordinatorInstitute, ownCourse } from '#training/controllers/institute/institute_access'

/** A coordinator's courses: create and edit. */
export default class CoursesController {
  async create(ctx: HttpContext) {
    await coordinatorInstitute(ctx)
    return ctx.view.render('pages/training/institute/course_form', { course: null })
  }

  @inject()
  async store(ctx: HttpContext, saveCourse: SaveCourse) {
    const instituteId = await coordinatorInstitute(ctx)
    const input = await ctx.request.validateUsing(courseValidator, {
      messagesProvider: instituteMessages(ctx.i18n),
    })
    await saveCourse.handle(instituteId, null, input, actorFrom(ctx))
    ctx.session.flash('success', ctx.i18n.t('institute.courses.saved'))
    return ctx.response.redirect().toRoute('institute.index')
  }

  async edit(ctx: HttpContext) {
    const course = await ownCourse(ctx)
    return ctx.view.render('pages/training/institute/course_form', { course })
  }

  @inject()
  async update(ctx: HttpContext, saveCourse: SaveCourse) {
    const course = await ownCourse(ctx)
    const input = await ctx.request.validateUsing(courseValidator, {
      messagesProvider: instituteMessages(ctx.i18n),
    })
    await saveCourse.handle(course.instituteId, course, input, actorFrom(ctx))
    ctx.session.flash('success', ctx.i18n.t('institute.courses.saved'))
    return ctx.response.redirect().toRoute('institute.index')
  }
}
