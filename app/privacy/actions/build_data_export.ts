import db from '@adonisjs/lucid/services/db'
import drive from '@adonisjs/drive/services/main'
import mail from '@adonisjs/mail/services/main'
import { DateTime } from 'luxon'
import { exportLinkDays } from '#config/retention'
import { recordAudit } from '#core/audit/audit_trail'
import { SYSTEM_ACTOR } from '#core/audit/actor'
import User from '#identity/models/user'
import DataRequest from '#privacy/models/data_request'
import DataExportMail from '#privacy/mails/data_export_mail'
import { personalDataOf } from '#privacy/personal_data'
import { buildZip } from '#privacy/zip'

export const exportKey = (requestId: number) => `exports/${requestId}.zip`

/**
 * Builds a person's data export (the job does): a zip of `data.json` and their uploaded
 * files, on the private disk under a key derived from the request (a second run rewrites
 * the same file), then marks the request ready and mails a signed link that works for
 * `exportLinkDays`. A request already ready or gone is left alone.
 */
export class BuildDataExport {
  async handle(requestId: number) {
    const request = await DataRequest.query()
      .where({ id: requestId, kind: 'export' })
      .whereIn('state', ['pending', 'processing'])
      .first()
    if (!request) return
    await DataRequest.query().where('id', request.id).update({ state: 'processing' })

    const { data, files } = await personalDataOf(request.userId)
    const disk = drive.use()
    const entries = [
      {
        name: 'data.json',
        data: Buffer.from(
          JSON.stringify({ exported_at: DateTime.utc().toISO(), ...data }, null, 2)
        ),
      },
    ]
    for (const file of files) {
      if (await disk.exists(file.storageKey)) {
        entries.push({ name: file.name, data: Buffer.from(await disk.getBytes(file.storageKey)) })
      }
    }
    const key = exportKey(request.id)
    await disk.put(key, buildZip(entries))

    const ready = await db.transaction(async (client) => {
      const locked = await DataRequest.query({ client })
        .where('id', request.id)
        .where('state', 'processing')
        .forUpdate()
        .first()
      if (!locked) return null
      locked.merge({
        state: 'ready',
        storageKey: key,
        expiresAt: DateTime.utc().plus({ days: exportLinkDays }),
        completedAt: DateTime.utc(),
      })
      await locked.useTransaction(client).save()
      await recordAudit(
        {
          actor: SYSTEM_ACTOR,
          action: 'data_request.export_ready',
          subjectType: 'data_request',
          subjectId: locked.id,
          fromState: 'processing',
          toState: 'ready',
          metadata: { files: files.length },
        },
        client
      )
      return locked
    })
    if (ready) {
      const user = await User.findOrFail(ready.userId)
      await mail.sendLater(new DataExportMail(user, ready))
    }
  }
}
