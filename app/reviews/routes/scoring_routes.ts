/*
| Rubrics, reviews (blind when the call is), aggregation.
*/
import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

const scoring = controllers.reviews.scoring

/** Reviewers: the review of an assigned application (`/reviews/:id`). */
export function scoringWebRoutes() {
  router
    .group(() => {
      router.get('/reviews/:id', [scoring.Reviews, 'show']).as('reviews.show')
      router.put('/reviews/:id', [scoring.Reviews, 'update']).as('reviews.update')
      router
        .post('/reviews/:id/submission', [scoring.ReviewSubmissions, 'store'])
        .as('review_submissions.store')
      router
        .get('/reviews/:id/documents/:documentId', [scoring.ReviewDocuments, 'show'])
        .as('review_documents.show')
    })
    .use([middleware.auth(), middleware.verified()])
}

/** Programme officers: rubric and scores (`/staff/calls/:id/rubric`, `/staff/calls/:id/scores`). */
export function scoringStaffRoutes() {
  router
    .group(() => {
      router.get('/calls/:id/rubric', [scoring.staff.Rubrics, 'edit']).as('call_rubrics.edit')
      router.put('/calls/:id/rubric', [scoring.staff.Rubrics, 'update']).as('call_rubrics.update')
      router.get('/calls/:id/scores', [scoring.staff.Scores, 'index']).as('call_scores.index')
    })
    .prefix('/staff')
    .as('staff')
    .use([middleware.auth(), middleware.verified()])
}

/** Reviewers through the API (`/api/v1/reviews`): the same blind view as the pages. */
export function scoringApiRoutes() {
  router
    .group(() => {
      router.get('/reviews', [scoring.api.Reviews, 'index']).as('index')
      router.get('/reviews/:id', [scoring.api.Reviews, 'show']).as('show')
      router.put('/reviews/:id', [scoring.api.Reviews, 'update']).as('update')
    })
    .as('reviews')
    .use(middleware.auth({ guards: ['api'] }))
}
