import type { HttpContext } from '@adonisjs/core/http'
import { userResource } from '#identity/transformers/user_transformer'

export default class MeController {
  async handle({ auth }: HttpContext) {
    return { data: userResource(auth.use('api').getUserOrFail()) }
  }
}
