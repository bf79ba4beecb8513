import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { DateTime } from 'luxon'
import DeadlineExtension from '#applications/models/deadline_extension'
import type Application from '#applications/models/application'
import Call from '#programmes/models/call'

/** The instant one application must be submitted by, and whether it was extended. */
export interface ApplicationDeadline {
  closesAt: DateTime
  extended: boolean
}

/** The application's own deadline: its extension when it has a later one, else the call's. */
export async function deadlineOf(
  application: Application,
  client?: TransactionClientContract
): Promise<ApplicationDeadline> {
  const call = application.call ?? (await Call.findOrFail(application.callId, { client }))
  const extension = await extensionOf(application.id, client)
  return extension && extension.closesAt > call.closesAt
    ? { closesAt: extension.closesAt, extended: true }
    : { closesAt: call.closesAt, extended: false }
}

export function extensionOf(applicationId: number, client?: TransactionClientContract) {
  return DeadlineExtension.query({ client }).where('applicationId', applicationId).first()
}
