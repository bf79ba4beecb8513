import type { HttpContext } from '@adonisjs/core/http'
import { secondFactorValidator } from '#identity/validators/second_factor'
import { checkSecondFactor, enrolledFactors } from '#identity/second_factor/second_factors'
import { recordAssurance } from '#identity/second_factor/assurance'
import { InvalidFields } from '#core/exceptions/domain_error'
import { actorFrom } from '#core/audit/actor'

/**
 * The second step of a sign-in: a code from the authenticator app or a recovery code.
 * Staff without any second factor are sent to enrol an authenticator app first; someone
 * with only passkeys uses one of those.
 */
export default class SecondFactorController {
  async create({ auth, view, response }: HttpContext) {
    const user = auth.getUserOrFail()
    const factors = await enrolledFactors(user)
    if (!factors.any) {
      return response.redirect().toRoute('totp_enrolment.create')
    }
    return view.render('pages/identity/second_factor/challenge', { factors })
  }

  async store(ctx: HttpContext) {
    const { request, auth, response, session, i18n, view } = ctx
    const user = auth.getUserOrFail()
    const { code } = await request.validateUsing(secondFactorValidator)
    const check = await checkSecondFactor(user, code, actorFrom(ctx))
    if (check.outcome === 'throttled') {
      const message = i18n.t('mfa.throttled', { seconds: check.quota.availableIn })
      response.status(429).header('Retry-After', check.quota.availableIn)
      if (request.accepts(['html', 'json']) === 'json') return { errors: [{ message }] }
      return view.render('pages/identity/second_factor/challenge', {
        throttledMessage: message,
        factors: await enrolledFactors(user),
      })
    }
    if (check.outcome === 'invalid') {
      throw new InvalidFields([{ field: 'code', message: 'mfa.code_invalid' }])
    }
    // A new session id for the session that now holds more rights.
    session.regenerate()
    recordAssurance(session, user, { secondFactor: true, secondFactorDue: true })
    return response.redirect('/dashboard')
  }
}
