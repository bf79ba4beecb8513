/*
| Every environment variable the portal reads, validated and typed at boot.
| .env.example documents each of them.
*/
import { Env } from '@adonisjs/core/env'
import { parseTrustedProxies } from '#core/trusted_proxies'
import { parseSigningKey } from '#core/audit/audit_signing'

export default await Env.create(new URL('../', import.meta.url), {
  NODE_ENV: Env.schema.enum(['development', 'production', 'test'] as const),
  PORT: Env.schema.number(),
  HOST: Env.schema.string({ format: 'host' }),
  APP_NAME: Env.schema.string.optional(),
  APP_URL: Env.schema.string({ format: 'url', tld: false }),
  APP_KEY: Env.schema.secret(),
  // Load balancers allowed to say who the client is (X-Forwarded-*); none when empty.
  TRUSTED_PROXIES: (_key: string, value?: string) => parseTrustedProxies(value),
  // Signs the audit chain's head for auditors: an Ed25519 private key (PEM or base64 DER).
  AUDIT_SIGNING_KEY: (key: string, value?: string) => {
    if (!value) throw new Error(`Missing environment variable "${key}"`)
    parseSigningKey(value)
    return value
  },
  LOG_LEVEL: Env.schema.enum([
    'fatal',
    'error',
    'warn',
    'info',
    'debug',
    'trace',
    'silent',
  ] as const),

  SESSION_DRIVER: Env.schema.enum(['cookie', 'memory', 'database'] as const),

  DB_HOST: Env.schema.string({ format: 'host' }),
  DB_PORT: Env.schema.number(),
  DB_USER: Env.schema.string(),
  DB_PASSWORD: Env.schema.string.optional(),
  DB_DATABASE: Env.schema.string(),

  REDIS_HOST: Env.schema.string({ format: 'host' }),
  REDIS_PORT: Env.schema.number(),
  REDIS_PASSWORD: Env.schema.string.optional(),
  QUEUE_PREFIX: Env.schema.string(),

  LIMITER_STORE: Env.schema.enum(['redis', 'memory'] as const),

  MAIL_MAILER: Env.schema.enum(['smtp', 'capture'] as const),
  MAIL_FROM_ADDRESS: Env.schema.string({ format: 'email' }),
  MAIL_FROM_NAME: Env.schema.string(),
  MAIL_SHARED_DOMAINS: Env.schema.string.optional(),
  SMTP_HOST: Env.schema.string(),
  SMTP_PORT: Env.schema.number(),

  DRIVE_DISK: Env.schema.enum(['fs'] as const),

  // Payments (DESIGN §6): Stripe transfers to connected accounts, and the programme's own
  // bank account, debtor of the ISO 20022 credit-transfer files. The API host, port and
  // protocol point the SDK elsewhere (the tests' local Stripe fake); unset means Stripe.
  STRIPE_SECRET_KEY: Env.schema.string.optional(),
  STRIPE_WEBHOOK_SECRET: Env.schema.string.optional(),
  STRIPE_WEBHOOK_TOLERANCE_SECONDS: Env.schema.number.optional(),
  STRIPE_API_HOST: Env.schema.string.optional(),
  STRIPE_API_PORT: Env.schema.number.optional(),
  STRIPE_API_PROTOCOL: Env.schema.enum.optional(['http', 'https'] as const),
  PAYMENTS_DEBTOR_NAME: Env.schema.string.optional(),
  PAYMENTS_DEBTOR_IBAN: Env.schema.string.optional(),
  PAYMENTS_DEBTOR_BIC: Env.schema.string.optional(),

  // Law 09-08: days the programme office has to answer a data request (export, erasure);
  // 30 unless set. See config/retention.ts.
  PRIVACY_REQUEST_DEADLINE_DAYS: Env.schema.number.optional(),
})
