import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import FormVersion from '#programmes/models/form_version'

/** The version of a call's form that new and draft applications use: the latest. */
export function currentFormVersion(callId: number, client?: TransactionClientContract) {
  return FormVersion.query({ client }).where('call_id', callId).orderBy('version', 'desc').first()
}
