import type { Job } from '#core/queue/types'
import { purgeExpiredIdempotencyKeys } from '#core/idempotency'

/** Forgets the API's idempotency keys past their 24 hours (idempotent: a DELETE by age). */
export default class PurgeIdempotencyKeysJob implements Job<Record<string, never>> {
  handle() {
    return purgeExpiredIdempotencyKeys()
  }
}
