/*
| Payment runs (Stripe, ISO 20022 bank files), webhooks, reconciliation.
*/
import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

/** Finance officers: payment runs and reconciliation (`/finance/payments`). */
export function paymentWebRoutes() {
  const payments = controllers.disbursements.payments
  router
    .group(() => {
      router.get('/', [payments.PaymentRuns, 'index']).as('index')
      router.post('/', [payments.PaymentRuns, 'store']).as('store')
      router.get('/:id', [payments.PaymentRuns, 'show']).as('show')
      router
        .post('/:id/execution', [payments.PaymentRunExecutions, 'store'])
        .as('execution.store')
        .use(middleware.sudo())
      router
        .get('/:id/files/:format', [payments.PaymentFiles, 'show'])
        .where('format', /^(pain001|csv)$/)
        .as('files.show')
        .use(middleware.sudo())
      router.post('/:id/statements', [payments.Statements, 'store']).as('statements.store')
    })
    .prefix('/finance/payments')
    .as('payments')
    .use([middleware.auth(), middleware.verified()])
}

/** Stripe's signed webhooks (`/api/v1/webhooks/stripe`): raw body, no session. */
export function paymentApiRoutes() {
  router
    .post('/webhooks/stripe', [controllers.disbursements.webhooks.StripeWebhooks, 'store'])
    .as('webhooks.stripe')
}
