import type { HttpContext } from '@adonisjs/core/http'
import { Exception } from '@adonisjs/core/exceptions'
import Agreement from '#disbursements/models/agreement'
import AgreementPolicy from '#disbursements/policies/agreement_policy'

/**
 * The agreement of the route's `:id` if the signed-in person may see it, a 404
 * otherwise: someone else's agreement is indistinguishable from none (ASVS 8.2.2).
 */
export async function findAgreement(ctx: HttpContext, param = 'id') {
  const agreement = await Agreement.find(Number(ctx.params[param]) || 0)
  if (!agreement || (await ctx.bouncer.with(AgreementPolicy).denies('view', agreement))) {
    throw new Exception('Agreement not found', { status: 404, code: 'E_NOT_FOUND' })
  }
  return agreement
}
