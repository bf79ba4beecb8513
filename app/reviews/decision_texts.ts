import type { I18n } from '@adonisjs/i18n'
import type { HttpContext } from '@adonisjs/core/http'
import { Exception } from '@adonisjs/core/exceptions'
import { findApplication } from '#applications/controllers/application_access'
import Decision from '#reviews/models/decision'

/** Conditions and reasons are i18n keys (standard ones) or an officer's own words. */
export function decisionText(value: string, i18n: I18n) {
  return value.startsWith('decisions.') ? i18n.t(value) : value
}

/**
 * The published decision on the route's application, for one of its owners only:
 * someone else's application is a 404, as is an application not decided yet or whose
 * decision is still an unpublished preview.
 */
export async function findOwnDecision(ctx: HttpContext) {
  const application = await findApplication(ctx, 'edit')
  const decision = await Decision.query()
    .where('application_id', application.id)
    .whereNotNull('published_at')
    .first()
  if (!decision) throw new Exception('Decision not found', { status: 404, code: 'E_NOT_FOUND' })
  return { application, decision }
}
