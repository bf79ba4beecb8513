import vine from '@vinejs/vine'
import { DATA_REQUEST_KINDS } from '#privacy/models/data_request'
import { CONSENT_PURPOSES } from '#privacy/models/user_consent'

export const dataRequestValidator = vine.create({
  kind: vine.enum(DATA_REQUEST_KINDS),
})

export const consentParamsValidator = vine.create({
  purpose: vine.enum(CONSENT_PURPOSES),
})

export const requestQueueFiltersValidator = vine.create({
  kind: vine.enum(DATA_REQUEST_KINDS).optional(),
  state: vine.enum(['open', 'closed', 'all'] as const).optional(),
  page: vine.number().positive().withoutDecimals().max(100_000).optional(),
})
