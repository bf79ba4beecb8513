import env from '#start/env'

/**
 * Stripe (DESIGN §6): transfers to the beneficiaries' connected accounts, status from
 * signed webhooks. `api` points the SDK at another server when set (the tests' local
 * fake, tests/helpers/stripe_fake.ts); left empty, the SDK talks to Stripe.
 */
const stripeConfig = {
  secretKey: env.get('STRIPE_SECRET_KEY') ?? '',
  webhookSecret: env.get('STRIPE_WEBHOOK_SECRET') ?? '',
  /** Signed events older than this are refused (replay protection). */
  webhookToleranceSeconds: env.get('STRIPE_WEBHOOK_TOLERANCE_SECONDS') ?? 300,
  api: {
    host: env.get('STRIPE_API_HOST'),
    port: env.get('STRIPE_API_PORT'),
    protocol: env.get('STRIPE_API_PROTOCOL'),
  },
  /** The SDK's own retries (network errors, 409, 5xx) reuse our idempotency key. */
  maxNetworkRetries: 2,
  timeoutMs: 20_000,
  currency: 'mad',
}

export default stripeConfig
export type StripeConfig = typeof stripeConfig
