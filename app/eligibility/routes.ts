import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

const eligibility = controllers.eligibility
const staff = controllers.eligibility.staff

/** Applicants: appealing an ineligible verdict. */
export function eligibilityWebRoutes() {
  router
    .group(() => {
      router
        .post('/applications/:id/appeal', [eligibility.ApplicationAppeals, 'store'])
        .as('application_appeals.store')
    })
    .use([middleware.auth(), middleware.verified()])
}

/**
 * Programme officers: a call's rules (working copy, dry run, publication) and the
 * verdicts of its applications (review, appeal decisions).
 */
export function eligibilityStaffRoutes() {
  router
    .group(() => {
      router.get('/calls/:id/rules', [staff.Rules, 'edit']).as('call_rules.edit')
      router.put('/calls/:id/rules', [staff.Rules, 'update']).as('call_rules.update')
      // The same rules, edited visually (works without JavaScript).
      router.get('/calls/:id/rules/builder', [staff.RuleBuilders, 'edit']).as('rule_builders.edit')
      router
        .put('/calls/:id/rules/builder', [staff.RuleBuilders, 'update'])
        .as('rule_builders.update')
      router
        .post('/calls/:id/rules/dry_run', [staff.RuleDryRuns, 'store'])
        .as('rule_dry_runs.store')
      router
        .post('/calls/:id/rules/publication', [staff.RulePublications, 'store'])
        .as('rule_publications.store')

      router.post('/applications/:id/verdict', [staff.Verdicts, 'store']).as('verdicts.store')
      router
        .post('/applications/:id/appeal_decision', [staff.AppealDecisions, 'store'])
        .as('appeal_decisions.store')

      // A call's re-evaluation against its published rules (a background job).
      router
        .get('/calls/:id/reevaluations', [staff.Reevaluations, 'index'])
        .as('call_reevaluations.index')
      router
        .post('/calls/:id/reevaluations', [staff.Reevaluations, 'store'])
        .as('call_reevaluations.store')
      router
        .get('/calls/:id/reevaluations/current', [staff.Reevaluations, 'show'])
        .as('call_reevaluations.show')
    })
    .prefix('/staff')
    .as('staff')
    .use([middleware.auth(), middleware.verified()])
}
