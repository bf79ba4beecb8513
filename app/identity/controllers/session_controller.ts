import type { HttpContext } from '@adonisjs/core/http'
import { loginValidator } from '#identity/validators/account'
import { checkPassword } from '#identity/password_attempts'
import { enrolledFactors } from '#identity/second_factor/second_factors'
import { recordAssurance } from '#identity/second_factor/assurance'

export default class SessionController {
  async create({ view }: HttpContext) {
    return view.render('pages/identity/login')
  }

  /** Too many wrong passwords (for this email, or from this address) get 429. */
  async store({ request, auth, response, view, i18n, session }: HttpContext) {
    const { email, password } = await request.validateUsing(loginValidator)
    const check = await checkPassword({ email, password, ip: request.ip(), channel: 'login' })
    if (check.outcome === 'throttled') {
      const seconds = check.quota.availableIn
      response.status(429).header('Retry-After', seconds)
      if (request.accepts(['html', 'json']) === 'json') {
        return { errors: [{ message: i18n.t('auth.login.throttled', { seconds }) }] }
      }
      return view.render('pages/identity/login', {
        email,
        throttledMessage: i18n.t('auth.login.throttled', { seconds }),
      })
    }
    if (check.outcome === 'invalid') throw check.error
    // login() also gives the session a new id (no session fixation).
    await auth.use('web').login(check.user)
    // Staff, and anyone who enrolled a second factor, are password-only until the
    // second step: every other page sends them back to it.
    const factors = await enrolledFactors(check.user)
    recordAssurance(session, check.user, { secondFactor: false, secondFactorDue: factors.any })
    if (factors.any || check.user.isStaff)
      return response.redirect().toRoute('second_factor.create')
    return response.redirect('/dashboard')
  }

  async destroy({ auth, response, session, i18n }: HttpContext) {
    await auth.use('web').logout()
    session.flash('success', i18n.t('auth.logout.done'))
    return response.redirect().toRoute('session.create')
  }
}
