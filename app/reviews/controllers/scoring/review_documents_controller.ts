import type { HttpContext } from '@adonisjs/core/http'
import { Exception } from '@adonisjs/core/exceptions'
import drive from '@adonisjs/drive/services/main'
import ApplicationDocument from '#applications/models/application_document'
import Call from '#programmes/models/call'
import { findOpenReview } from '#reviews/controllers/scoring/review_access'
import { genericDocumentName } from '#reviews/blind_view'
import { withoutPdfMetadata } from '#reviews/document_metadata'

/**
 * A document of the application under review, for its reviewer only. On a blind call
 * the file gets a generic name and a PDF loses its author and title metadata.
 */
export default class ReviewDocumentsController {
  async show(ctx: HttpContext) {
    const review = await findOpenReview(ctx)
    const document = await ApplicationDocument.query()
      .where('id', Number(ctx.params.documentId) || 0)
      .where('application_id', review.applicationId)
      .first()
    if (!document) throw new Exception('Document not found', { status: 404, code: 'E_NOT_FOUND' })
    const call = await Call.findOrFail(review.callId)
    let bytes: Uint8Array = await drive.use().getBytes(document.storageKey)
    if (call.blindReview && document.mimeType === 'application/pdf') {
      bytes = await withoutPdfMetadata(bytes)
    }
    const { response } = ctx
    response.header('Content-Type', document.mimeType)
    response.header('X-Content-Type-Options', 'nosniff')
    response.header('Cache-Control', 'private, no-store')
    response.attachment(
      call.blindReview ? genericDocumentName(document.id, document.mimeType) : document.originalName
    )
    return response.send(Buffer.from(bytes))
  }
}
