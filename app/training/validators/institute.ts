import vine from '@vinejs/vine'
import { recordId } from '#core/validators/record_id'
import type { I18n } from '@adonisjs/i18n'

/** Field names and messages in the reader's language (institute.json, `validator`). */
export function instituteMessages(i18n: I18n) {
  return i18n.createMessagesProvider('institute.validator')
}

export const TRACKS = ['ai', 'data_science', 'cloud', 'cybersecurity'] as const
export const LEVELS = ['beginner', 'intermediate', 'advanced'] as const
export const COURSE_LANGUAGES = ['fr', 'ar', 'zgh', 'en'] as const
export const MODES = ['on_site', 'online'] as const
export const SELECTIONS = ['fcfs', 'merit'] as const

const optionalText = (max: number) => vine.string().trim().maxLength(max).optional()

/** A course: its texts in each language (French required), track, level, rules. */
export const courseValidator = vine.create(
  vine.object({
    title_fr: vine.string().trim().minLength(3).maxLength(200),
    title_ar: optionalText(200),
    title_zgh: optionalText(200),
    title_en: optionalText(200),
    summary_fr: optionalText(4000),
    summary_ar: optionalText(4000),
    summary_zgh: optionalText(4000),
    summary_en: optionalText(4000),
    prerequisites_fr: optionalText(2000),
    prerequisites_ar: optionalText(2000),
    prerequisites_zgh: optionalText(2000),
    prerequisites_en: optionalText(2000),
    track: vine.enum(TRACKS),
    level: vine.enum(LEVELS),
    language: vine.enum(COURSE_LANGUAGES),
    attendance_threshold: vine.number().withoutDecimals().range([0, 100]),
    hours: vine.number().withoutDecimals().range([0, 2000]),
  })
)

const isoDate = () => vine.date({ formats: ['YYYY-MM-DD'] })

/** A cohort's dates, seats and selection; the closing instant is Casablanca wall time. */
export const cohortValidator = vine.create(
  vine.object({
    course_id: recordId(),
    starts_on: isoDate(),
    ends_on: isoDate().afterOrSameAs('starts_on'),
    enrolment_closes_at: vine
      .string()
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/),
    capacity: vine.number().withoutDecimals().range([1, 10000]),
    mode: vine.enum(MODES),
    selection: vine.enum(SELECTIONS),
    eligibility_rules: vine.string().trim().maxLength(100_000).optional(),
  })
)

const clockTime = () => vine.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/)

/** Sessions: a weekly pattern between the cohort's dates, or one session. */
export const sessionsValidator = vine.create(
  vine.object({
    kind: vine.enum(['weekly', 'single'] as const),
    weekdays: vine
      .array(vine.number().withoutDecimals().range([1, 7]))
      .distinct()
      .optional()
      .requiredWhen('kind', '=', 'weekly'),
    date: isoDate().optional().requiredWhen('kind', '=', 'single'),
    start_time: clockTime(),
    end_time: clockTime(),
  })
)

/** One session's attendance: the enrolments present (none checked: all absent). */
export const attendanceValidator = vine.create(
  vine.object({
    present: vine.array(recordId()).maxLength(10000).optional(),
  })
)

/** The final assessment of each accepted trainee. */
export const assessmentsValidator = vine.create(
  vine.object({
    results: vine
      .array(
        vine.object({
          enrolment_id: recordId(),
          score: vine.number().range([0, 100]).optional(),
          passed: vine.boolean().optional(),
        })
      )
      .maxLength(10000),
  })
)

/** Why a certificate is revoked: the audit trail keeps it. */
export const revocationValidator = vine.create(
  vine.object({ reason: vine.string().trim().minLength(10).maxLength(2000) })
)

/** A code typed on /verify. */
export const verificationValidator = vine.create(
  vine.object({ code: vine.string().trim().maxLength(64) })
)
