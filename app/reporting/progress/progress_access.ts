import type { HttpContext } from '@adonisjs/core/http'
import { Exception } from '@adonisjs/core/exceptions'
import db from '@adonisjs/lucid/services/db'
import Agreement from '#disbursements/models/agreement'
import Organization from '#identity/models/organization'
import { REPORTING_KINDS } from '#reporting/progress/progress_schedule'

const notFound = () => new Exception('Not found', { status: 404, code: 'E_NOT_FOUND' })

/**
 * The agreement of the route's `:id` whose progress reports the signed-in person may see:
 * the beneficiary's own (who also writes them), or any for programme officers and
 * finance officers (read-only), of a kind that reports progress. Anyone else gets a 404
 * (ASVS 8.2.2); `write` is for the beneficiary alone.
 */
export async function findReportingAgreement(ctx: HttpContext, access: 'read' | 'write') {
  const agreement = await Agreement.find(Number(ctx.params.id) || 0)
  const user = ctx.auth.getUserOrFail()
  const own = agreement?.beneficiaryId === user.id
  const reader = access === 'read' && user.hasRole('programme_officer', 'finance_officer')
  if (
    !agreement ||
    !(own || reader) ||
    !(REPORTING_KINDS as readonly string[]).includes(agreement.kind)
  ) {
    throw notFound()
  }
  return { agreement, own }
}

/**
 * The organization of the route's `:id` if the signed-in person may follow its journey:
 * programme officers and admins, and the organization's own members. Outsiders get a
 * 404, as for the organization's own page.
 */
export async function findContinuumOrganization(ctx: HttpContext) {
  const organization = await Organization.find(Number(ctx.params.id) || 0)
  if (!organization) throw notFound()
  const user = ctx.auth.getUserOrFail()
  if (user.hasRole('programme_officer', 'admin')) return organization
  const member = await db
    .from('organization_members')
    .where({ organization_id: organization.id, user_id: user.id })
    .first()
  if (!member) throw notFound()
  return organization
}
