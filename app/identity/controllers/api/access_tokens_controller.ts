import type { HttpContext } from '@adonisjs/core/http'
import User from '#identity/models/user'
import { accessTokenValidator } from '#identity/validators/account'
import { loginLimiter } from '#start/limiter'
import { userResource } from '#identity/transformers/user_transformer'

/**
 * POST /api/v1/tokens exchanges email and password for a bearer token (an
 * organization's own system, say); DELETE /api/v1/tokens/current revokes it.
 */
export default class AccessTokensController {
  async store({ request, response, i18n }: HttpContext) {
    const { email, password, name } = await request.validateUsing(accessTokenValidator)
    const [throttled, user] = await loginLimiter().penalize(`token_${email}_${request.ip()}`, () =>
      User.verifyCredentials(email, password)
    )
    if (throttled) {
      const seconds = throttled.response.availableIn
      return response
        .status(429)
        .header('Retry-After', seconds)
        .send({ errors: [{ message: i18n.t('auth.login.throttled', { seconds }) }] })
    }
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
