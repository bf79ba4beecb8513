/*
| Committees, conflicts of interest, assignment and the reviewer queue.
*/
import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

const committee = controllers.reviews.committee
const staff = controllers.reviews.committee.staff

/** Reviewers: their queue and conflict declarations (`/reviews`). */
export function committeeWebRoutes() {
  router
    .group(() => {
      router.get('/reviews', [committee.ReviewerQueue, 'index']).as('review_queue.index')
      router
        .get('/reviews/:id/conflicts/new', [committee.ConflictDeclarations, 'create'])
        .as('conflict_declarations.create')
      router
        .post('/reviews/:id/conflicts', [committee.ConflictDeclarations, 'store'])
        .as('conflict_declarations.store')
    })
    .use([middleware.auth(), middleware.verified()])
}

/** Programme officers: committee members and assignment (`/staff/calls/:id/committee`, `/staff/calls/:id/assignments`). */
export function committeeStaffRoutes() {
  router
    .group(() => {
      router.get('/calls/:id/committee', [staff.CommitteeMembers, 'index']).as('committee.index')
      router
        .post('/calls/:id/committee/members', [staff.CommitteeMembers, 'store'])
        .as('committee_members.store')
      router
        .delete('/calls/:id/committee/members/:memberId', [staff.CommitteeMembers, 'destroy'])
        .as('committee_members.destroy')
      router.get('/calls/:id/assignments', [staff.Assignments, 'index']).as('assignments.index')
      router.post('/calls/:id/assignments', [staff.Assignments, 'store']).as('assignments.store')
      router
        .post('/reviews/:id/reassignment', [staff.ReviewReassignments, 'store'])
        .as('review_reassignments.store')
    })
    .prefix('/staff')
    .as('staff')
    .use([middleware.auth(), middleware.verified()])
}
