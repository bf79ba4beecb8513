/*
| Rubrics, reviews (blind when the call is), aggregation.
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

/** Reviewers: the review of an assigned application (`/reviews/:id`). */
export function scoringWebRoutes() {
  router.group(() => {}).use([middleware.auth(), middleware.verified()])
}

/** Programme officers: rubric and scores (`/staff/calls/:id/rubric`, `/staff/calls/:id/scores`). */
export function scoringStaffRoutes() {
  router
    .group(() => {})
    .prefix('/staff')
    .as('staff')
    .use([middleware.auth(), middleware.verified()])
}

/** Reviewers through the API (`/api/v1/reviews`): the same blind view as the pages. */
export function scoringApiRoutes() {
  router.group(() => {})
}
