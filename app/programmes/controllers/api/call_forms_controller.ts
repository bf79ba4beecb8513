import type { HttpContext } from '@adonisjs/core/http'
import { NotFound } from '#core/exceptions/domain_error'
import { publishedFormVersion } from '#programmes/form_versions'
import { formResource } from '#programmes/transformers/form_transformer'

/** GET /api/v1/calls/:id/form: the current form of a published call (public, like the call). */
export default class CallFormsController {
  async show({ params }: HttpContext) {
    const version = await publishedFormVersion(Number(params.id))
    if (!version) throw new NotFound('Call')
    return { data: formResource(version) }
  }
}
