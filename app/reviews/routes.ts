import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

/**
 * Reviewers (`/reviews`: queue, conflicts, review forms, blind application views) and
 * applicants (`/applications/:id/decision`: letter, acceptance or decline).
 */
export function reviewsWebRoutes() {
  router.group(() => {}).use([middleware.auth(), middleware.verified()])
}

/**
 * Programme officers, under `/staff/calls/:id/…`: committee, rubric, assignment, scores,
 * sessions, ranking and decisions.
 */
export function reviewsStaffRoutes() {
  router
    .group(() => {})
    .prefix('/staff')
    .as('staff')
    .use([middleware.auth(), middleware.verified()])
}

/** Reviewers through the API (`/api/v1/reviews`): the same blind view as the pages. */
export function reviewsApiRoutes() {}
