import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'
import { CONSENT_PURPOSES } from '#privacy/models/user_consent'

const privacy = controllers.privacy
const CONSENT_PURPOSE_PATTERN = new RegExp(`^(?:${CONSENT_PURPOSES.join('|')})$`)

export function privacyWebRoutes() {
  // Public: the register of processing doubles as the privacy notice every page links to.
  router.get('/privacy/register', [privacy.ProcessingRegister]).as('privacy.register')

  router
    .group(() => {
      router.get('/privacy', [privacy.Privacy, 'show']).as('privacy.show')
      router.post('/privacy/requests', [privacy.DataRequests, 'store']).as('data_requests.store')
      router.get('/privacy/exports/:id', [privacy.DataExports, 'show']).as('privacy_exports.show')
      // A consent is named by its purpose; any other word is not a route (404).
      router
        .post('/privacy/consents/:purpose', [privacy.Consents, 'store'])
        .where('purpose', CONSENT_PURPOSE_PATTERN)
        .as('consents.store')
      router
        .delete('/privacy/consents/:purpose', [privacy.Consents, 'destroy'])
        .where('purpose', CONSENT_PURPOSE_PATTERN)
        .as('consents.destroy')
    })
    .use(middleware.auth())

  router
    .group(() => {
      router
        .get('/privacy/requests', [privacy.admin.DataRequests, 'index'])
        .as('data_requests.index')
      router
        .post('/privacy/requests/:id/erasure', [privacy.admin.Erasures, 'store'])
        .as('erasures.store')
        .use(middleware.sudo())
    })
    .prefix('/admin')
    .as('admin')
    .use([middleware.auth(), middleware.verified()])
}
