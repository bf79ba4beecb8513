import type { HttpContext } from '@adonisjs/core/http'

/**
 * Who did something, and from which request: carried into every audit entry.
 * `id` is null for the system itself (a scheduled job, a webhook).
 */
export interface Actor {
  id: number | null
  requestId?: string
  ip?: string
}

export const SYSTEM_ACTOR: Actor = { id: null }

export function actorFrom(ctx: HttpContext): Actor {
  return {
    id: ctx.auth.user?.id ?? null,
    requestId: ctx.request.id(),
    ip: ctx.request.ip(),
  }
}
