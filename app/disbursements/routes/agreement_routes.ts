/*
| Agreements, tranche schedules, requests, four-eyes approval, ledger.
*/
import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

const beneficiary = controllers.disbursements.agreements
const finance = controllers.disbursements.finance

/** Beneficiaries (`/agreements`) and finance officers (`/finance`). */
export function agreementWebRoutes() {
  router
    .group(() => {
      router.get('/agreements', [beneficiary.Agreements, 'index']).as('agreements.index')
      router.get('/agreements/:id', [beneficiary.Agreements, 'show']).as('agreements.show')
      router
        .put('/agreements/:id/bank_account', [beneficiary.BankAccounts, 'update'])
        .as('agreement_bank_accounts.update')
      router
        .put('/agreements/:id/stripe_account', [beneficiary.StripeAccounts, 'update'])
        .as('agreement_stripe_accounts.update')
      router
        .post('/agreements/:id/tranches/:trancheId/request', [beneficiary.TrancheRequests, 'store'])
        .as('tranche_requests.store')
      router
        .post('/agreements/:id/capital_calls', [beneficiary.CapitalCalls, 'store'])
        .as('capital_calls.store')

      router
        .group(() => {
          router.get('/', [finance.FinanceDashboard, 'index']).as('index')
          router.get('/awards', [finance.Awards, 'index']).as('awards.index')
          router.post('/awards/:id/agreement', [finance.Agreements, 'store']).as('agreements.store')
          router
            .post('/tranches/:id/verification', [finance.TrancheVerifications, 'store'])
            .as('tranche_verifications.store')
          router
            .post('/tranches/:id/approval', [finance.TrancheApprovals, 'store'])
            .as('tranche_approvals.store')
            .use(middleware.sudo())
          router
            .post('/tranches/:id/cancellation', [finance.TrancheCancellations, 'store'])
            .as('tranche_cancellations.store')
          router.get('/calls/:id/ledger', [finance.CallLedgers, 'show']).as('call_ledgers.show')
          router
            .get('/calls/:id/ledger/tranches.csv', [finance.CallLedgers, 'export'])
            .as('call_ledgers.export')
            .use(middleware.sudo())
        })
        .prefix('/finance')
        .as('finance')
    })
    .use([middleware.auth(), middleware.verified()])
}
