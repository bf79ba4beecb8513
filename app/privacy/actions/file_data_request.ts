import db from '@adonisjs/lucid/services/db'
import queue from '#core/services/queue'
import { requestDeadlineDays } from '#config/retention'
import { nowInCasablanca } from '#core/casablanca_time'
import { recordAudit } from '#core/audit/audit_trail'
import { DomainError } from '#core/exceptions/domain_error'
import DataRequest, { type DataRequestKind } from '#privacy/models/data_request'
import type { Actor } from '#core/audit/actor'
import type User from '#identity/models/user'

/** The BullMQ job id of a request's export: a second dispatch while it runs is a no-op. */
export const exportJobId = (requestId: number) => `privacy-export-${requestId}`

/**
 * A person asks for their data or for its erasure. The request is dated with its legal
 * deadline (Casablanca calendar); an export is built by a job once the request is saved.
 * One open request of each kind at a time (a unique index guards double clicks).
 */
export class FileDataRequest {
  async handle(user: User, kind: DataRequestKind, actor: Actor) {
    if (user.erasedAt) throw new DomainError('privacy.requests.erased', { status: 409 })
    const request = await db
      .transaction(async (client) => {
        const created = await DataRequest.create(
          {
            userId: user.id,
            kind,
            state: 'pending',
            dueOn: nowInCasablanca().startOf('day').plus({ days: requestDeadlineDays }),
          },
          { client }
        )
        await recordAudit(
          {
            actor,
            action: 'data_request.filed',
            subjectType: 'data_request',
            subjectId: created.id,
            toState: 'pending',
            metadata: { kind },
          },
          client
        )
        return created
      })
      .catch((error) => {
        if (error?.constraint === 'data_requests_one_open') {
          throw new DomainError('privacy.requests.already_open', { status: 409 })
        }
        throw error
      })
    if (kind === 'export') {
      await queue.dispatch(
        'privacy.build_export',
        { requestId: request.id },
        { jobId: exportJobId(request.id) }
      )
    }
    return request
  }
}
