import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import {
  CALL_KINDS,
  paginateOpenCalls,
  type CallKind,
  type OpenCallRow,
} from '#programmes/open_calls'
import { STARTUP_STAGES } from '#programmes/models/programme'
import {
  catalogueFilters,
  catalogueFiltersValidator,
  filledIn,
} from '#programmes/validators/catalogue'
import { callCard } from '#programmes/transformers/call_card'
import { callWindow } from '#programmes/call_window'
import { currentFormVersion } from '#programmes/form_versions'
import {
  APPLICANT_ORGANIZATION,
  documentsNeeded,
  acceptedTypesText,
  findPublicCall,
  organizationsToApplyFor,
} from '#programmes/public_calls'

import { publishedRuleSet } from '#eligibility/rule_set_versions'
import { publicCallRules } from '#eligibility/public_call_rules'

const PER_PAGE = 24

/** The public catalogue of open calls and each call's page (no sign-in needed). */
export default class CallsController {
  /** GET /calls: open calls, filtered by programme kind and startup stage. */
  async index({ view, request }: HttpContext) {
    // A hand-edited query string narrows nothing rather than failing the page.
    const [, payload] = await catalogueFiltersValidator.tryValidate(filledIn(request.qs()))
    const filters = catalogueFilters(payload ?? {})
    const now = DateTime.utc()
    const calls = await paginateOpenCalls(filters, payload?.page ?? 1, PER_PAGE, now)
    calls.baseUrl(request.url()).queryString({ ...filters })
    const nowDate = now.toJSDate()
    return view.render('pages/programmes/catalogue/index', {
      calls,
      cards: (calls.all() as OpenCallRow[]).map((row) => callCard(row, nowDate)),
      filters,
      filtered: filters.kind !== undefined || filters.stage !== undefined,
      kinds: CALL_KINDS,
      stages: STARTUP_STAGES,
    })
  }

  /** GET /calls/:id: a published call; drafts and archived calls are 404. */
  async show({ view, params, response, auth, i18n }: HttpContext) {
    const call = await findPublicCall(Number(params.id) || 0)
    if (!call) return response.notFound()
    const kind = call.programme.kind as CallKind
    const user = auth.user
    const [formVersion, organizations, published] = await Promise.all([
      currentFormVersion(call.id),
      user ? organizationsToApplyFor(user, kind) : [],
      publishedRuleSet(call.id),
    ])
    return view.render('pages/programmes/catalogue/show', {
      call,
      kind,
      window: callWindow(call),
      documents: documentsNeeded(formVersion?.definition),
      applicantOrganization: APPLICANT_ORGANIZATION[kind],
      organizations,
      acceptedTypesText,
      rules: publicCallRules(published, call, formVersion?.definition, i18n),
    })
  }
}
