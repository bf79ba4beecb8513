import type { HttpContext } from '@adonisjs/core/http'
import { latestReleaseId } from '#reporting/register/register_pages'

/** `/open-data/calls/:id/latest`: a redirect to the call's latest release (JSON). */
export default class LatestReleasesController {
  async handle({ params, response, i18n }: HttpContext) {
    const id = await latestReleaseId(params.id)
    response.header('Cache-Control', 'no-cache')
    if (id === null) {
      return response.status(404).json({ errors: [{ message: i18n.t('open_data.files.404') }] })
    }
    return response.redirect().toPath(`/open-data/releases/${id}.json`)
  }
}
