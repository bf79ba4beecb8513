import type { HttpContext } from '@adonisjs/core/http'
import User from '#identity/models/user'
import { accessTokenValidator } from '#identity/validators/account'
import { checkPassword } from '#identity/password_attempts'
import { userResource } from '#identity/transformers/user_transformer'
import { checkSecondFactor, hasTotp } from '#identity/second_factor/second_factors'
import { MFA_TOKEN_ABILITY } from '#identity/second_factor/api_tokens'
import { InvalidFields } from '#core/exceptions/domain_error'
import { actorFrom } from '#core/audit/actor'

/**
 * POST /api/v1/tokens exchanges email and password for a bearer token (an
 * organization's own system, say); DELETE /api/v1/tokens/current revokes it. Staff and
 * anyone with an authenticator also send `code`; such a token carries MFA_TOKEN_ABILITY.
 */
export default class AccessTokensController {
  async store(ctx: HttpContext) {
    const { request, response, i18n } = ctx
    const { email, password, name, code } = await request.validateUsing(accessTokenValidator)
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
    const abilities = ['*']
    if (user.isStaff || (await hasTotp(user))) {
      const factor = code ? await checkSecondFactor(user, code, actorFrom(ctx)) : null
      if (factor?.outcome === 'throttled') {
        const seconds = factor.quota.availableIn
        return response
          .status(429)
          .header('Retry-After', seconds)
          .send({ errors: [{ message: i18n.t('mfa.throttled', { seconds }) }] })
      }
      if (factor?.outcome !== 'valid') {
        throw new InvalidFields([{ field: 'code', message: 'mfa.code_invalid' }])
      }
      abilities.push(MFA_TOKEN_ABILITY)
    }
    const token = await User.accessTokens.create(user, abilities, { name: name ?? 'api' })
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
