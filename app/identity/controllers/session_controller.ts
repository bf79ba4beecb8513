import type { HttpContext } from '@adonisjs/core/http'
import User from '#identity/models/user'
import { loginValidator } from '#identity/validators/account'
import { loginLimiter } from '#start/limiter'

export default class SessionController {
  async create({ view }: HttpContext) {
    return view.render('pages/identity/login')
  }

  /** Wrong passwords are counted per email and address; the eleventh in a minute gets 429. */
  async store({ request, auth, response, view, i18n }: HttpContext) {
    const { email, password } = await request.validateUsing(loginValidator)
    const key = `login_${email}_${request.ip()}`
    const [throttled, user] = await loginLimiter().penalize(key, () =>
      User.verifyCredentials(email, password)
    )
    if (throttled) {
      const seconds = throttled.response.availableIn
      response.status(429).header('Retry-After', seconds)
      if (request.accepts(['html', 'json']) === 'json') {
        return { errors: [{ message: i18n.t('auth.login.throttled', { seconds }) }] }
      }
      return view.render('pages/identity/login', {
        email,
        throttledMessage: i18n.t('auth.login.throttled', { seconds }),
      })
    }
    // login() also gives the session a new id (no session fixation).
    await auth.use('web').login(user)
    return response.redirect('/dashboard')
  }

  async destroy({ auth, response, session, i18n }: HttpContext) {
    await auth.use('web').logout()
    session.flash('success', i18n.t('auth.logout.done'))
    return response.redirect().toRoute('session.create')
  }
}
