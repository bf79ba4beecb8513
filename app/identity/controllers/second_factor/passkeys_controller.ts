import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import type { RegistrationResponseJSON } from '@simplewebauthn/server'
import { passkeyRegistrationValidator } from '#identity/validators/second_factor'
import { registrationOptions, verifyRegistration } from '#identity/second_factor/passkeys'
import { RegisterPasskey } from '#identity/actions/register_passkey'
import { RemovePasskey } from '#identity/actions/remove_passkey'
import { InvalidFields } from '#core/exceptions/domain_error'
import { actorFrom } from '#core/audit/actor'

/**
 * A person's passkeys: the registration ceremony (options, then the browser's answer,
 * both JSON for resources/js/passkeys.js) and removal (a form on the profile page).
 */
export default class PasskeysController {
  async options({ auth, session }: HttpContext) {
    return registrationOptions(auth.getUserOrFail(), session)
  }

  @inject()
  async store(ctx: HttpContext, registerPasskey: RegisterPasskey) {
    const { request, auth, session, response } = ctx
    const { name, credential } = await request.validateUsing(passkeyRegistrationValidator)
    const verified = await verifyRegistration(
      session,
      credential as unknown as RegistrationResponseJSON
    )
    if (!verified) {
      throw new InvalidFields([{ field: 'credential', message: 'mfa.passkeys.invalid' }])
    }
    const user = auth.getUserOrFail()
    const passkey = await registerPasskey.handle(user.id, verified, name, actorFrom(ctx))
    return response.created({ data: { id: passkey.id, name: passkey.name } })
  }

  @inject()
  async destroy(ctx: HttpContext, removePasskey: RemovePasskey) {
    const user = ctx.auth.getUserOrFail()
    await removePasskey.handle(user.id, Number(ctx.params.id) || 0, actorFrom(ctx))
    ctx.session.flash('success', ctx.i18n.t('mfa.passkeys.removed'))
    return ctx.response.redirect().toRoute('profile.edit')
  }
}
