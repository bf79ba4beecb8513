import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { recordAudit } from '#core/audit/audit_trail'
import type { Actor } from '#core/audit/actor'
import { DomainError } from '#core/exceptions/domain_error'
import Certificate from '#training/models/certificate'

/** A coordinator revokes a certificate, with a reason; /verify then says it is revoked. */
export class RevokeCertificate {
  async handle(certificateId: number, reason: string, actor: Actor) {
    return db.transaction(async (client) => {
      const certificate = await Certificate.query({ client })
        .where('id', certificateId)
        .forUpdate()
        .firstOrFail()
      if (certificate.revokedAt) {
        throw new DomainError('institute.errors.already_revoked', { status: 409 })
      }
      certificate.merge({
        revokedAt: DateTime.now(),
        revocationReason: reason,
        revokedBy: actor.id,
      })
      await certificate.useTransaction(client).save()
      await recordAudit(
        {
          actor,
          action: 'certificate.revoked',
          subjectType: 'certificate',
          subjectId: certificate.id,
          reason,
          metadata: { enrolmentId: certificate.enrolmentId },
        },
        client
      )
      return certificate
    })
  }
}
