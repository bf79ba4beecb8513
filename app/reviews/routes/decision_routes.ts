/*
| Committee sessions, ranking within the envelope, decisions and awards.
*/
import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

const decisions = controllers.reviews.decisions
const staff = controllers.reviews.decisions.staff

/** Applicants: their decision, letter, acceptance or decline (`/applications/:id/decision`). */
export function decisionWebRoutes() {
  router
    .group(() => {
      router
        .get('/applications/:id/decision', [decisions.ApplicationDecisions, 'show'])
        .as('application_decisions.show')
      router
        .get('/applications/:id/decision/letter', [decisions.DecisionLetters, 'show'])
        .as('decision_letters.show')
      router
        .post('/applications/:id/decision/response', [decisions.AwardResponses, 'store'])
        .as('award_responses.store')
    })
    .use([middleware.auth(), middleware.verified()])
}

/** Programme officers and chairs: sessions, ranking, decisions (`/staff/calls/:id/sessions`, `/staff/calls/:id/ranking`). */
export function decisionStaffRoutes() {
  router
    .group(() => {
      router
        .get('/calls/:id/sessions', [staff.CommitteeSessions, 'index'])
        .as('committee_sessions.index')
      router
        .post('/calls/:id/sessions', [staff.CommitteeSessions, 'store'])
        .as('committee_sessions.store')
      router.get('/sessions/:id', [staff.CommitteeSessions, 'show']).as('committee_sessions.show')
      router
        .post('/sessions/:id/attendance', [staff.SessionAttendances, 'store'])
        .as('session_attendances.store')
      router
        .put('/sessions/:id/items/:item_id', [staff.SessionItems, 'update'])
        .as('session_items.update')
      router
        .put('/sessions/:id/consensus', [staff.SessionConsensus, 'update'])
        .as('session_consensus.update')
      router
        .post('/sessions/:id/minutes', [staff.SessionMinutes, 'store'])
        .as('session_minutes.store')
      router.get('/sessions/:id/minutes', [staff.SessionMinutes, 'show']).as('session_minutes.show')

      router.get('/calls/:id/ranking', [staff.CallRankings, 'show']).as('call_rankings.show')
      router.post('/calls/:id/awards', [staff.CallAwards, 'store']).as('call_awards.store')
      router
        .post('/calls/:id/decision-publications', [staff.CallDecisionPublications, 'store'])
        .as('call_decision_publications.store')
      router
        .post('/applications/:id/decision', [staff.ApplicationDecisions, 'store'])
        .as('application_decisions.store')
    })
    .prefix('/staff')
    .as('staff')
    .use([middleware.auth(), middleware.verified()])
}
