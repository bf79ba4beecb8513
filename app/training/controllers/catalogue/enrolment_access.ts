import type { HttpContext } from '@adonisjs/core/http'
import { Exception } from '@adonisjs/core/exceptions'
import Enrolment from '#training/models/enrolment'
import EnrolmentPolicy from '#training/policies/enrolment_policy'

/**
 * The enrolment of the route's `:id` if it is the signed-in trainee's; a 404 otherwise,
 * so that someone else's enrolment is indistinguishable from none.
 */
export async function findOwnEnrolment(ctx: HttpContext) {
  const enrolment = await Enrolment.find(Number(ctx.params.id) || 0)
  if (!enrolment || (await ctx.bouncer.with(EnrolmentPolicy).denies('view', enrolment))) {
    throw new Exception('Enrolment not found', { status: 404, code: 'E_NOT_FOUND' })
  }
  return enrolment
}
