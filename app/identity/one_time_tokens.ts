import { createHash, randomBytes } from 'node:crypto'
import { DateTime, type DurationLike } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import UserToken, { type TokenPurpose } from '#identity/models/user_token'
import User from '#identity/models/user'
import { DomainError } from '#core/exceptions/domain_error'

const LIFETIMES: Record<TokenPurpose, DurationLike> = {
  verify_email: { hours: 48 },
  reset_password: { hours: 1 },
  // An invitation waits for a person who was not expecting it: a week, used once.
  invitation: { days: 7 },
}

/** What is stored of a one-time token: its SHA-256, never the token itself. */
export function digest(token: string) {
  return createHash('sha256').update(token).digest('hex')
}

/**
 * Issues a one-time token for a purpose; only its hash is stored. Issuing a new one
 * revokes the person's earlier unused tokens of that purpose.
 */
export async function issueToken(
  user: User,
  purpose: TokenPurpose,
  client: TransactionClientContract
) {
  const token = randomBytes(32).toString('base64url')
  await UserToken.query({ client })
    .where({ userId: user.id, purpose })
    .whereNull('usedAt')
    .update({ usedAt: DateTime.utc().toSQL() })
  await UserToken.create(
    {
      userId: user.id,
      purpose,
      tokenHash: digest(token),
      expiresAt: DateTime.utc().plus(LIFETIMES[purpose]),
    },
    { client }
  )
  return token
}

/** A token as issued (base64url of 32 bytes); anything else is not looked up. */
export function isTokenShaped(token: string) {
  return /^[\w-]{20,100}$/.test(token)
}

const INVALID_LINK: Record<TokenPurpose, string> = {
  verify_email: 'auth.verify.invalid_link',
  reset_password: 'auth.reset.invalid_link',
  invitation: 'auth.invitation.invalid_link',
}

/**
 * Spends a token: when it exists, has this purpose, is unused and unexpired, marks it
 * used and returns its owner, row-locked, in the caller's transaction. Anything else is
 * refused with the purpose's "invalid link" message.
 */
export async function redeemToken(
  token: string,
  purpose: TokenPurpose,
  client: TransactionClientContract
) {
  const row = isTokenShaped(token)
    ? await UserToken.query({ client })
        .where({ tokenHash: digest(token), purpose })
        .whereNull('usedAt')
        .where('expiresAt', '>', DateTime.utc().toSQL())
        .forUpdate()
        .first()
    : null
  if (!row) throw new DomainError(INVALID_LINK[purpose], { status: 400 })
  row.usedAt = DateTime.utc()
  await row.useTransaction(client).save()
  const user = await User.query({ client }).where('id', row.userId).forUpdate().firstOrFail()
  return { user, issuedAt: row.createdAt }
}
