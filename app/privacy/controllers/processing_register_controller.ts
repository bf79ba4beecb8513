import type { HttpContext } from '@adonisjs/core/http'
import { processings, requestDeadlineDays, retentionPolicy } from '#config/retention'

/**
 * The public register of processing and privacy notice (law 09-08, CNDP): purposes,
 * legal bases, data, recipients and retention periods, from config/retention.ts.
 */
export default class ProcessingRegisterController {
  async handle({ view }: HttpContext) {
    return view.render('pages/privacy/register', {
      processings: processings.map((processing) => ({
        ...processing,
        retention: processing.keptAs.map((kind) => ({ kind, ...retentionPolicy[kind] })),
      })),
      deadlineDays: requestDeadlineDays,
    })
  }
}
