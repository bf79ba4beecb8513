/*
| The Digital Morocco 2030 scoreboard: public, with regional detail for staff, targets.
*/
import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

const scoreboard = controllers.reporting.scoreboard

export function scoreboardWebRoutes() {
  router.get('/scoreboard', [scoreboard.Scoreboard, 'show']).as('scoreboard.show')
  router
    .group(() => {
      router
        .get('/staff/scoreboard', [scoreboard.StaffScoreboard, 'show'])
        .as('staff.scoreboard.show')
      router
        .get('/admin/scoreboard/targets', [scoreboard.admin.ScoreboardTargets, 'index'])
        .as('admin.scoreboard_targets.index')
      router
        .post('/admin/scoreboard/targets', [scoreboard.admin.ScoreboardTargets, 'store'])
        .as('admin.scoreboard_targets.store')
        .use(middleware.sudo())
      router
        .put('/admin/scoreboard/targets/:id', [scoreboard.admin.ScoreboardTargets, 'update'])
        .as('admin.scoreboard_targets.update')
        .use(middleware.sudo())
    })
    .use([middleware.auth(), middleware.verified()])
}
