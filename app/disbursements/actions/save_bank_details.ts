import db from '@adonisjs/lucid/services/db'
import type { Infer } from '@vinejs/vine/types'
import Agreement from '#disbursements/models/agreement'
import type User from '#identity/models/user'
import type { bankDetailsValidator } from '#disbursements/validators/agreements'
import { ibanFromRib, parseBankAccount } from '#disbursements/bank_account'
import { encryptIban } from '#disbursements/bank_details'
import { InvalidFields } from '#core/exceptions/domain_error'
import { confirmPayeePassword } from '#disbursements/payee_confirmation'
import { recordAudit } from '#core/audit/audit_trail'
import type { Actor } from '#core/audit/actor'

/**
 * The beneficiary enters the account the tranches are paid to, after typing their
 * password again (ASVS 7.5.1). A RIB is stored as its IBAN, encrypted; only the last
 * four characters stay readable. The change is audited without the number.
 */
export class SaveBankDetails {
  async handle(
    user: User,
    agreementId: number,
    input: Infer<typeof bankDetailsValidator>,
    actor: Actor
  ) {
    await confirmPayeePassword(user, input.password, 'bank')
    const account = parseBankAccount(input.accountNumber)
    if (!account) {
      throw new InvalidFields([
        { field: 'accountNumber', message: 'agreements.bank.invalid_number' },
      ])
    }
    const iban = account.kind === 'rib' ? ibanFromRib(account.value) : account.value

    return db.transaction(async (client) => {
      const agreement = await Agreement.query({ client })
        .where('id', agreementId)
        .forUpdate()
        .firstOrFail()
      const previousLast4 = agreement.ibanLast4
      agreement.merge({
        ibanEncrypted: encryptIban(iban),
        ibanLast4: account.last4,
        accountHolder: input.accountHolder,
      })
      await agreement.useTransaction(client).save()
      await recordAudit(
        {
          actor,
          action: 'agreement.bank_details_changed',
          subjectType: 'agreement',
          subjectId: agreement.id,
          metadata: { kind: account.kind, last4: account.last4, previousLast4 },
        },
        client
      )
      return agreement
    })
  }
}
