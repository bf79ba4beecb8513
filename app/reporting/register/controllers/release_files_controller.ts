import type { HttpContext } from '@adonisjs/core/http'
import OpenDataRelease from '#reporting/register/models/open_data_release'

const CONTENT_TYPES = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
} as const

/**
 * A release's files at their stable URLs, `/open-data/releases/:release.json|.csv`: the
 * bytes stored when the release was issued, never recomputed, with an ETag (a 304 when
 * the client has them). Shared caches may keep them a few minutes only, so a retracted
 * release (a person withdrew their consent) stops being served soon: it answers 410.
 */
export default class ReleaseFilesController {
  json(ctx: HttpContext) {
    return this.#serve(ctx, 'json')
  }

  csv(ctx: HttpContext) {
    return this.#serve(ctx, 'csv')
  }

  async #serve(ctx: HttpContext, format: 'json' | 'csv') {
    const { params, request, response, i18n } = ctx
    // `release` is a positive int4 (app/core/route_ids.ts), cast without its extension.
    const release = await OpenDataRelease.find(params.release)
    if (!release || !release.isServed) {
      const status = release ? 410 : 404
      response.header('Cache-Control', 'no-store')
      return response
        .status(status)
        .json({ errors: [{ message: i18n.t(`open_data.files.${status}`) }] })
    }
    const etag = release.etag(format)
    response.header('ETag', etag)
    response.header('Cache-Control', 'public, max-age=300, must-revalidate')
    response.header('Last-Modified', release.createdAt.toHTTP()!)
    response.header('Access-Control-Allow-Origin', '*')
    if (request.header('if-none-match') === etag) return response.status(304).send('')
    response.header('Content-Type', CONTENT_TYPES[format])
    if (format === 'csv') {
      response.header(
        'Content-Disposition',
        `attachment; filename="manassa-360giving-release-${release.id}.csv"`
      )
    }
    return response.send(format === 'json' ? release.jsonBody : release.csvBody)
  }
}
