import { createHash } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import type { HttpContext } from '@adonisjs/core/http'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DomainError, InvalidFields } from '#core/exceptions/domain_error'

export const IDEMPOTENCY_HEADER = 'Idempotency-Key'

/** How long a key replays its answer; older rows are taken over, and purged nightly. */
const REPLAY_WINDOW = `interval '24 hours'`

/** Printable ASCII without spaces, as the IETF draft and Stripe's keys (a UUID fits). */
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/

export interface ApiAnswer {
  status: number
  body: unknown
}

/** Key order does not make two requests different. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

/**
 * Runs a POST that creates something so that retrying it with the same `Idempotency-Key`
 * replays the first answer (status and body) for 24 hours instead of doing the work again.
 * Keys are per person and route. The key's row is inserted in the work's own transaction:
 * a parallel request with the same key waits on the unique index, then replays what the
 * first stored, or does the work itself if the first failed (a failure is not stored and
 * changed nothing). The same key with another request (path or body) is a 422.
 */
export async function idempotently(
  ctx: HttpContext,
  work: (client: TransactionClientContract) => Promise<ApiAnswer>
) {
  const key = ctx.request.header(IDEMPOTENCY_HEADER)
  if (key === undefined) return send(ctx, await db.transaction(work))
  if (!KEY_PATTERN.test(key)) {
    throw new InvalidFields([{ field: IDEMPOTENCY_HEADER, message: 'api.idempotency.invalid' }])
  }
  const userId = ctx.auth.getUserOrFail().id
  const route = `${ctx.request.method()} ${ctx.route?.pattern ?? ctx.request.url()}`.slice(0, 100)
  const requestHash = createHash('sha256')
    .update(`${ctx.request.url()}\n${canonicalJson(ctx.request.body())}`)
    .digest('hex')

  const { answer, replayed } = await db.transaction(async (client) => {
    // A key older than 24 hours is forgotten: its row is taken over for this request.
    const claimed = await client.rawQuery<{ rows: unknown[] }>(
      `INSERT INTO api_idempotency_keys (user_id, route, key, request_hash, created_at)
       VALUES (?, ?, ?, ?, now())
       ON CONFLICT (user_id, route, key) DO UPDATE
         SET request_hash = EXCLUDED.request_hash, created_at = now(),
             response_status = NULL, response_body = NULL
         WHERE api_idempotency_keys.created_at < now() - ${REPLAY_WINDOW}
       RETURNING id`,
      [userId, route, key, requestHash]
    )
    if (!claimed.rows.length) {
      const stored = await client
        .from('api_idempotency_keys')
        .where({ user_id: userId, route, key })
        .select('request_hash', 'response_status', 'response_body')
        .firstOrFail()
      if (stored.request_hash !== requestHash) {
        throw new InvalidFields([{ field: IDEMPOTENCY_HEADER, message: 'api.idempotency.reused' }])
      }
      if (stored.response_status === null) {
        throw new DomainError('api.idempotency.in_progress', { status: 409 })
      }
      return {
        answer: { status: stored.response_status as number, body: stored.response_body },
        replayed: true,
      }
    }
    const done = await work(client)
    await client
      .from('api_idempotency_keys')
      .where({ user_id: userId, route, key })
      .update({ response_status: done.status, response_body: JSON.stringify(done.body) })
    return { answer: done, replayed: false }
  })
  if (replayed) ctx.response.header('Idempotent-Replayed', 'true')
  return send(ctx, answer)
}

function send(ctx: HttpContext, answer: ApiAnswer) {
  ctx.response.status(answer.status)
  return answer.body
}

/**
 * Deletes the keys past their replay window. A key being taken over by a request is
 * locked and already fresh, so the DELETE skips it once that request commits.
 */
export async function purgeExpiredIdempotencyKeys() {
  return db.from('api_idempotency_keys').whereRaw(`created_at < now() - ${REPLAY_WINDOW}`).delete()
}
