import type { HttpContext } from '@adonisjs/core/http'
import drive from '@adonisjs/drive/services/main'
import { errors } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import DataRequest from '#privacy/models/data_request'

/**
 * Downloads a data export: the emailed link must carry a valid signature and the reader
 * must be signed in as the person it belongs to. Anything else is a 404, so another
 * person's export is not even known to exist.
 */
export default class DataExportsController {
  async show({ request, params, auth, response }: HttpContext) {
    if (!request.hasValidSignature('data_export')) {
      throw new errors.E_ROUTE_NOT_FOUND([request.method(), request.url()])
    }
    const exported = await DataRequest.query()
      .where({ id: Number(params.id) || 0, userId: auth.getUserOrFail().id, kind: 'export' })
      .where('state', 'ready')
      .where('expires_at', '>', DateTime.utc().toJSDate())
      .whereNotNull('storage_key')
      .firstOrFail()
    const bytes = await drive.use().getBytes(exported.storageKey!)
    response.header('Content-Type', 'application/zip')
    response.header('Cache-Control', 'private, no-store')
    response.attachment(`manassa-data-${exported.id}.zip`)
    return response.send(Buffer.from(bytes))
  }
}
