import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import FormVersion from '#programmes/models/form_version'
import Call from '#programmes/models/call'
import type { I18n } from '@adonisjs/i18n'

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

/** States in which a call's form may still change; afterwards it is a record of what was asked. */
export const FORM_EDITABLE_STATES: ReadonlySet<string> = new Set(['draft', 'open'])

export function isFormEditable(call: Call) {
  return FORM_EDITABLE_STATES.has(call.state)
}

/** A call as its form editors (visual and JSON) show it: programme and versions, newest first. */
export function formEditorCall(callId: number) {
  return Call.query()
    .where('id', callId)
    .preload('programme')
    .preload('formVersions', (versions) => versions.orderBy('version', 'desc'))
    .firstOrFail()
}

/** What an officer reads after saving a form: a new version other than the first means the previous one was frozen. */
export function formSavedMessage(i18n: I18n, version: FormVersion, created: boolean) {
  return i18n.t(
    created && version.version > 1
      ? 'staff_programmes.form.saved_new_version'
      : 'staff_programmes.form.saved',
    { version: version.version }
  )
}
