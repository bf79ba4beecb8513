import db from '@adonisjs/lucid/services/db'
import type User from '#identity/models/user'
import { openCallOf } from '#database/factories/programme_factory'
import { userWithRoles } from '#database/factories/user_factory'
import { assignedReview, rubricOf } from '#database/factories/scoring_factory'
import { STAFF_FORM, submittedTo } from '#tests/functional/applications/staff_fixtures'
import type Application from '#applications/models/application'
import { tokenAfterSecondFactor } from '#tests/helpers/assurance'

/** A bearer token for the JSON API: a reviewer's, issued with a second factor as staff tokens are. */
export const tokenOf = tokenAfterSecondFactor

/** A call with a rubric, one submitted application and a reviewer assigned to it. */
export async function callUnderReview(options: { blind?: boolean } = {}) {
  const call = await openCallOf('startup_offer', STAFF_FORM)
  if (options.blind) {
    call.blindReview = true
    await call.save()
  }
  const rubric = await rubricOf(call)
  const application = await submittedTo(call, {
    answers: { project: { name: 'Projet Atlas', sector: 'agritech' }, team: { size: 4 } },
  })
  const reviewer = await userWithRoles('reviewer')
  reviewer.preferredLocale = 'en'
  await reviewer.save()
  const review = await assignedReview(application, reviewer)
  return { call, rubric, application, reviewer, review }
}

/** A conflict of interest of a reviewer on one application. */
export function declareConflict(reviewer: User, application: Application) {
  return db.table('review_conflicts').insert({
    call_id: application.callId,
    reviewer_id: reviewer.id,
    application_id: application.id,
    source: 'declared',
    created_at: new Date(),
  })
}
