import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import FormVersion from '#programmes/models/form_version'

/** The version of a call's form that new and draft applications use: the latest. */
export function currentFormVersion(callId: number, client?: TransactionClientContract) {
  return FormVersion.query({ client }).where('call_id', callId).orderBy('version', 'desc').first()
}

/** The current form version of each of these calls, keyed by call id (one query). */
export async function currentFormVersions(callIds: number[]) {
  if (!callIds.length) return new Map<number, FormVersion>()
  const versions = await FormVersion.query()
    .distinctOn('call_id')
    .whereIn('call_id', [...new Set(callIds)])
    .orderBy('call_id')
    .orderBy('version', 'desc')
  return new Map(versions.map((version) => [version.callId, version]))
}

/** The current form of a call people can see (anything but a draft call), or null. */
export function publishedFormVersion(callId: number) {
  return FormVersion.query()
    .where('call_id', callId)
    .whereIn(
      'call_id',
      db.from('calls').where('id', callId).whereNot('state', 'draft').select('id')
    )
    .orderBy('version', 'desc')
    .first()
}
