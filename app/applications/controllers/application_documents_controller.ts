import type { HttpContext } from '@adonisjs/core/http'
import { Exception } from '@adonisjs/core/exceptions'
import drive from '@adonisjs/drive/services/main'
import ApplicationDocument from '#applications/models/application_document'
import Application from '#applications/models/application'
import ApplicationPolicy from '#applications/policies/application_policy'

/**
 * Documents are never served by a static route: each download checks that the person
 * may see the application, and a document of someone else's is a 404.
 */
export default class ApplicationDocumentsController {
  async show({ params, bouncer, response }: HttpContext) {
    const document = await ApplicationDocument.find(Number(params.id) || 0)
    const application = document && (await Application.find(document.applicationId))
    if (
      !document ||
      !application ||
      (await bouncer.with(ApplicationPolicy).denies('view', application))
    ) {
      throw new Exception('Document not found', { status: 404, code: 'E_NOT_FOUND' })
    }
    const bytes = await drive.use().getBytes(document.storageKey)
    response.header('Content-Type', document.mimeType)
    response.header('X-Content-Type-Options', 'nosniff')
    response.header('Cache-Control', 'private, no-store')
    response.attachment(document.originalName)
    return response.send(Buffer.from(bytes))
  }
}
