import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import { RegenerateRecoveryCodes } from '#identity/actions/regenerate_recovery_codes'
import { actorFrom } from '#core/audit/actor'

/** New recovery codes (sudo), shown once. */
export default class RecoveryCodesController {
  @inject()
  async store(ctx: HttpContext, regenerate: RegenerateRecoveryCodes) {
    const recoveryCodes = await regenerate.handle(ctx.auth.getUserOrFail().id, actorFrom(ctx))
    return ctx.view.render('pages/identity/second_factor/recovery_codes', { recoveryCodes })
  }
}
