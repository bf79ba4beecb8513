import vine from '@vinejs/vine'
import type { I18n } from '@adonisjs/i18n'
import { madAmount } from '#programmes/validators/rules'

/** Field names and messages in the reader's language (agreements.json, `validator`). */
export function agreementsMessages(i18n: I18n) {
  return i18n.createMessagesProvider('agreements.validator')
}

/**
 * Bank details, only with the person's password typed again (ASVS 7.5.1). The account
 * number's check digits are verified by the action, which says which one is wrong.
 */
export const bankDetailsValidator = vine.create(
  vine.object({
    password: vine.string().maxLength(128),
    accountNumber: vine.string().trim().minLength(20).maxLength(48),
    accountHolder: vine.string().trim().minLength(2).maxLength(160),
  })
)

/**
 * A Stripe connected account id: `acct_` then Stripe's letters and digits (16 today; a
 * little room for longer ones), with the password typed again (ASVS 7.5.1).
 */
export const STRIPE_ACCOUNT_ID = /^acct_[A-Za-z0-9]{16,32}$/

export const stripeAccountValidator = vine.create(
  vine.object({
    password: vine.string().maxLength(128),
    stripeAccountId: vine.string().trim().regex(STRIPE_ACCOUNT_ID),
  })
)

/** A monthly progress report or a milestone's evidence, in the beneficiary's words. */
export const trancheRequestValidator = vine.create(
  vine.object({
    note: vine.string().trim().minLength(20).maxLength(5000),
  })
)

/** A capital call: an amount in dirhams within the commitment, and what it is for. */
export const capitalCallValidator = vine.create(
  vine.object({
    amount: madAmount(),
    purpose: vine.string().trim().minLength(10).maxLength(2000),
  })
)

/** A finance officer cancels a tranche, saying why (the beneficiary reads it). */
export const trancheCancellationValidator = vine.create(
  vine.object({
    reason: vine.string().trim().minLength(10).maxLength(2000),
  })
)
