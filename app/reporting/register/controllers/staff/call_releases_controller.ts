import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import Call from '#programmes/models/call'
import OpenDataPolicy from '#reporting/register/policies/open_data_policy'
import { IssueRelease } from '#reporting/register/actions/issue_release'
import { actorFrom } from '#core/audit/actor'

/** An officer issues a call's release now, rather than waiting for the worker. */
export default class CallReleasesController {
  @inject()
  async store(ctx: HttpContext, issueRelease: IssueRelease) {
    await ctx.bouncer.with(OpenDataPolicy).authorize('issueRelease')
    const call = await Call.findOrFail(ctx.params.id)
    const result = await issueRelease.handle(call.id, 'officer', actorFrom(ctx))
    ctx.session.flash(
      result.outcome === 'nothing_to_publish' ? 'error' : 'success',
      ctx.i18n.t(`open_data.flash.${result.outcome}`, {
        sequence: 'release' in result ? result.release.sequence : 0,
      })
    )
    return ctx.response.redirect().toRoute('open_data.index')
  }
}
