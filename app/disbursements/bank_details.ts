import encryption from '@adonisjs/core/services/encryption'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type Agreement from '#disbursements/models/agreement'
import { recordAudit } from '#core/audit/audit_trail'
import type { Actor } from '#core/audit/actor'

/** Ciphertexts made for bank accounts cannot be decrypted as anything else. */
const PURPOSE = 'agreement.bank_account'

export function encryptIban(iban: string) {
  return encryption.encrypt(iban, { purpose: PURPOSE })
}

/**
 * The beneficiary's bank account in clear, for a payment file (DESIGN §8: every read of
 * encrypted personal data is audited, in the caller's transaction). Null when none is
 * on file.
 */
export async function revealBankAccount(
  agreement: Agreement,
  actor: Actor,
  client?: TransactionClientContract
) {
  if (!agreement.ibanEncrypted) return null
  const iban = encryption.decrypt<string>(agreement.ibanEncrypted, PURPOSE)
  if (!iban) throw new Error(`Bank account of agreement ${agreement.id} cannot be decrypted`)
  await recordAudit(
    {
      actor,
      action: 'agreement.bank_account_read',
      subjectType: 'agreement',
      subjectId: agreement.id,
      metadata: { last4: agreement.ibanLast4 },
    },
    client
  )
  return { iban, accountHolder: agreement.accountHolder, bic: agreement.bic }
}
