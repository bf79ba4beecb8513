import type { HttpContext } from '@adonisjs/core/http'
import { sudoValidator } from '#identity/validators/second_factor'
import { checkPassword } from '#identity/password_attempts'
import { checkSecondFactor, hasTotp } from '#identity/second_factor/second_factors'
import { recordAssurance } from '#identity/second_factor/assurance'
import { siteHosts, sameOriginPath } from '#core/same_origin_path'
import { InvalidFields } from '#core/exceptions/domain_error'
import { actorFrom } from '#core/audit/actor'

/**
 * Re-authentication before a sensitive action (sudo mode, 15 minutes): the password
 * again (with the sign-in's limits), and the second factor when one is enrolled. Then
 * back to where the person was, a path of this site only.
 */
export default class SudoController {
  async create({ auth, request, view }: HttpContext) {
    const returnTo = sameOriginPath(request.input('return_to'), siteHosts(request))
    return view.render('pages/identity/second_factor/sudo', {
      returnTo,
      needsCode: await hasTotp(auth.getUserOrFail()),
    })
  }

  async store(ctx: HttpContext) {
    const { request, auth, response, session, i18n } = ctx
    const user = auth.getUserOrFail()
    const { password, code, returnTo } = await request.validateUsing(sudoValidator)
    const passwordCheck = await checkPassword({
      email: user.email,
      password,
      ip: request.ip(),
      channel: 'login',
    })
    if (passwordCheck.outcome === 'throttled') {
      const seconds = passwordCheck.quota.availableIn
      session.flash('error', i18n.t('auth.login.throttled', { seconds }))
      return response.status(429).redirect().back()
    }
    if (passwordCheck.outcome === 'invalid' || passwordCheck.user.id !== user.id) {
      throw new InvalidFields([{ field: 'password', message: 'mfa.sudo.password_invalid' }])
    }
    const enrolled = await hasTotp(user)
    if (enrolled) {
      const check = await checkSecondFactor(user, code ?? '', actorFrom(ctx))
      if (check.outcome === 'throttled') {
        session.flash('error', i18n.t('mfa.throttled', { seconds: check.quota.availableIn }))
        return response.status(429).redirect().back()
      }
      if (check.outcome === 'invalid') {
        throw new InvalidFields([{ field: 'code', message: 'mfa.code_invalid' }])
      }
    }
    recordAssurance(session, user, { secondFactor: enrolled, secondFactorDue: enrolled })
    return response.redirect(sameOriginPath(returnTo, siteHosts(request)))
  }
}
