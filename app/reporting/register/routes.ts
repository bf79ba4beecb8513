/*
| The public open-data register (360Giving): pages, files, API, the officer's release.
*/
import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

const register = controllers.reporting.register

/**
 * The release files and the latest-release redirect: no session and no cookie, so any
 * cache may keep them; only the language, for error messages.
 */
export function openDataFileRoutes() {
  router
    .group(() => {
      router.get('/open-data/releases/:release.json', [register.ReleaseFiles, 'json']).as('json')
      router.get('/open-data/releases/:release.csv', [register.ReleaseFiles, 'csv']).as('csv')
      router.get('/open-data/calls/:id/latest', [register.LatestReleases]).as('latest')
    })
    .as('open_data_files')
    .use(middleware.detectLocale())
}

/** `/open-data` and each call's cut-off page (public); the officer's release on demand. */
export function openDataWebRoutes() {
  router.get('/open-data', [register.OpenData, 'index']).as('open_data.index')
  router.get('/open-data/calls/:id/cut-off', [register.CutOffs, 'show']).as('open_data.cut_off')
  router
    .post('/staff/calls/:id/open-data-releases', [register.staff.CallReleases, 'store'])
    .as('staff.call_releases.store')
    .use([middleware.auth(), middleware.verified()])
}

export function openDataApiRoutes() {
  router.get('/open-data/releases', [register.api.Releases, 'index']).as('open_data.releases.index')
}
