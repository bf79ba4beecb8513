import type { HttpContext } from '@adonisjs/core/http'
import User from '#identity/models/user'
import { accessTokenValidator } from '#identity/validators/account'
import { checkPassword } from '#identity/password_attempts'
import { userResource } from '#identity/transformers/user_transformer'

/**
 * POST /api/v1/tokens exchanges email and password for a bearer token (an
 * organization's own system, say); DELETE /api/v1/tokens/current revokes it.
 */
export default class AccessTokensController {
  async store({ request, response, i18n }: HttpContext) {
    const { email, password, name } = await request.validateUsing(accessTokenValidator)
    const check = await checkPassword({ email, password, ip: request.ip(), channel: 'token' })
    // What is left of the tighter limit (per address or per account), so a client can pace itself.
    response.header('X-RateLimit-Limit', check.quota.limit)
    response.header('X-RateLimit-Remaining', check.quota.remaining)
    if (check.outcome === 'throttled') {
      const seconds = check.quota.availableIn
      return response
        .status(429)
        .header('Retry-After', seconds)
        .send({ errors: [{ message: i18n.t('auth.login.throttled', { seconds }) }] })
    }
    if (check.outcome === 'invalid') throw check.error
    const user = check.user
    const token = await User.accessTokens.create(user, ['*'], { name: name ?? 'api' })
    return response.created({
      type: 'bearer',
      token: token.value!.release(),
      expiresAt: token.expiresAt?.toISOString() ?? null,
      user: userResource(user),
    })
  }

  async destroy({ auth, response }: HttpContext) {
    const user = auth.use('api').getUserOrFail()
    await User.accessTokens.delete(user, user.currentAccessToken.identifier)
    return response.noContent()
  }
}
