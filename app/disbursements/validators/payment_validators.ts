import vine from '@vinejs/vine'
import { recordId } from '#core/validators/record_id'
import type { I18n } from '@adonisjs/i18n'
import { MAX_TRANCHES_PER_RUN, PAYMENT_RAILS } from '#disbursements/payment_runs'

/** Field names and messages in the reader's language (payments.json, `validator`). */
export function paymentsMessages(i18n: I18n) {
  return i18n.createMessagesProvider('payments.validator')
}

/** A finance officer's selection of approved tranches for one rail. */
export const paymentRunValidator = vine.create(
  vine.object({
    rail: vine.enum(PAYMENT_RAILS),
    trancheIds: vine.array(recordId()).minLength(1).maxLength(MAX_TRANCHES_PER_RUN),
  })
)

/** A bank statement: camt.053 XML or CSV, as the bank exports it. */
export const statementValidator = vine.create(
  vine.object({
    statement: vine.file({ size: '10mb', extnames: ['xml', 'csv', 'txt'] }),
  })
)
