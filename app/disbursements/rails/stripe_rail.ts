import { createHash } from 'node:crypto'
import Stripe from 'stripe'
import app from '@adonisjs/core/services/app'
import type { StripeConfig } from '#config/stripe'

export interface TransferRequest {
  trancheId: number
  /** The tranche's own idempotency key (`payout:<id>`), kept in our database. */
  idempotencyKey: string
  amountCentimes: number
  /** The beneficiary's connected account (`acct_…`). */
  destination: string
}

/**
 * The key Stripe sees, derived from ours and from what is sent: a retry of the same
 * payment (a job run twice, a worker that died after the call) replays Stripe's first
 * answer, while a payment corrected after a definitive refusal (another connected
 * account) is a new request. The SDK's own key is new on every call, so it is not used.
 */
export function stripeIdempotencyKey(request: TransferRequest) {
  const digest = createHash('sha256')
    .update(`${request.destination}|${request.amountCentimes}`)
    .digest('hex')
    .slice(0, 16)
  return `manassa:${request.idempotencyKey}:${digest}`
}

/** A transfer is final once created, unless reversed: it is what pays a tranche. */
export function transferSettles(transfer: Stripe.Transfer) {
  return !transfer.reversed && transfer.amount_reversed === 0
}

/**
 * Errors after which the same request could succeed (network, timeouts, Stripe's 5xx,
 * a concurrent request on the same key): the job is retried. Anything else (an invalid
 * destination, a refused transfer) is a definitive failure of the tranche.
 */
export function isTransientStripeError(error: unknown) {
  if (!(error instanceof Stripe.errors.StripeError)) return false
  return (
    error instanceof Stripe.errors.StripeConnectionError ||
    error instanceof Stripe.errors.StripeAPIError ||
    error instanceof Stripe.errors.StripeRateLimitError ||
    error instanceof Stripe.errors.StripeIdempotencyError ||
    error.statusCode === 409 ||
    (error.statusCode ?? 0) >= 500
  )
}

/** Stripe through the official SDK, configured by config/stripe.ts. */
export class StripeRail {
  readonly client: Stripe

  constructor(private config: StripeConfig = app.config.get<StripeConfig>('stripe')) {
    const { host, port, protocol } = config.api
    this.client = new Stripe(config.secretKey || 'sk_unset', {
      maxNetworkRetries: config.maxNetworkRetries,
      timeout: config.timeoutMs,
      telemetry: false,
      ...(host ? { host } : {}),
      ...(port ? { port } : {}),
      ...(protocol ? { protocol } : {}),
    })
  }

  createTransfer(request: TransferRequest) {
    return this.client.transfers.create(
      {
        amount: request.amountCentimes,
        currency: this.config.currency,
        destination: request.destination,
        transfer_group: request.idempotencyKey,
        metadata: { tranche_id: String(request.trancheId), payout: request.idempotencyKey },
      },
      { idempotencyKey: stripeIdempotencyKey(request) }
    )
  }

  retrieveTransfer(id: string) {
    return this.client.transfers.retrieve(id)
  }

  /** Verifies the signature and its timestamp; throws on a forged or stale event. */
  constructEvent(rawBody: string, signature: string) {
    return this.client.webhooks.constructEvent(
      rawBody,
      signature,
      this.config.webhookSecret,
      this.config.webhookToleranceSeconds
    )
  }
}
