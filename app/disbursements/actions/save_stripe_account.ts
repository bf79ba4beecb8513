import db from '@adonisjs/lucid/services/db'
import type { Infer } from '@vinejs/vine/types'
import Agreement from '#disbursements/models/agreement'
import type User from '#identity/models/user'
import type { stripeAccountValidator } from '#disbursements/validators/agreements'
import { confirmPayeePassword } from '#disbursements/payee_confirmation'
import { recordAudit } from '#core/audit/audit_trail'
import type { Actor } from '#core/audit/actor'

/**
 * The beneficiary records the Stripe connected account (`acct_…`) their tranches are
 * transferred to (DESIGN §6), after typing their password again, like bank details: only
 * they may say where their money goes, so no single finance officer can redirect it. The
 * id is not secret (it moves no money by itself); the change is audited with both ids.
 */
export class SaveStripeAccount {
  async handle(
    user: User,
    agreementId: number,
    input: Infer<typeof stripeAccountValidator>,
    actor: Actor
  ) {
    await confirmPayeePassword(user, input.password, 'stripe')
    return db.transaction(async (client) => {
      const agreement = await Agreement.query({ client })
        .where('id', agreementId)
        .forUpdate()
        .firstOrFail()
      const previous = agreement.stripeAccountId
      agreement.stripeAccountId = input.stripeAccountId
      await agreement.useTransaction(client).save()
      await recordAudit(
        {
          actor,
          action: 'agreement.stripe_account_changed',
          subjectType: 'agreement',
          subjectId: agreement.id,
          metadata: { account: input.stripeAccountId, previous },
        },
        client
      )
      return agreement
    })
  }
}
