import vine from '@vinejs/vine'
import { PROGRAMME_KINDS, STARTUP_STAGES, type ProgrammeKind } from '#programmes/models/programme'
import { madAmount } from '#programmes/validators/rules'

/** Kinds programme officers create here; Jazari training programmes live with the institutes. */
export const STAFF_PROGRAMME_KINDS = [
  'startup_offer',
  'living_grant',
  'vc_call',
] as const satisfies readonly ProgrammeKind[]

const title = () => vine.string().trim().maxLength(200)
const summary = () => vine.string().trim().maxLength(2000)

function programmeSchema(kinds: readonly ProgrammeKind[]) {
  return {
    kind: vine.enum(kinds),
    code: vine
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/)
      .unique({
        table: 'programmes',
        column: 'code',
        caseInsensitive: true,
        filter: (query, _value, field) => {
          if (field.meta.programmeId) query.whereNot('id', field.meta.programmeId)
        },
      }),
    titleFr: title().minLength(3),
    titleAr: title().optional(),
    titleZgh: title().optional(),
    titleEn: title().optional(),
    summaryFr: summary().minLength(3),
    summaryAr: summary().optional(),
    summaryZgh: summary().optional(),
    summaryEn: summary().optional(),
    stage: vine.enum(STARTUP_STAGES).optional().requiredWhen('kind', '=', 'startup_offer'),
    grantCeilingMad: madAmount().optional().requiredWhen('kind', '=', 'startup_offer'),
    monthlyStipendMad: madAmount().optional().requiredWhen('kind', '=', 'living_grant'),
    stipendMonths: vine
      .number()
      .withoutDecimals()
      .range([1, 60])
      .optional()
      .requiredWhen('kind', '=', 'living_grant'),
  }
}

/** A new programme: one of the kinds officers run. */
export const newProgrammeValidator = vine
  .withMetaData<{ programmeId?: number }>()
  .create(programmeSchema(STAFF_PROGRAMME_KINDS))

/**
 * An existing programme: its kind never changes (its calls' forms depend on it), so the
 * controller passes the stored kind; `programmeId` lets it keep its own code.
 */
export const programmeValidator = vine
  .withMetaData<{ programmeId?: number }>()
  .create(programmeSchema(PROGRAMME_KINDS))
