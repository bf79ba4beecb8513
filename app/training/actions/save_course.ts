import db from '@adonisjs/lucid/services/db'
import { randomBytes } from 'node:crypto'
import type { Infer } from '@vinejs/vine/types'
import { recordAudit } from '#core/audit/audit_trail'
import type { Actor } from '#core/audit/actor'
import { LOCALES } from '#core/i18n/locales'
import type { LocalizedText } from '#core/i18n/localized_text'
import Course from '#training/models/course'
import type { courseValidator } from '#training/validators/institute'

type CourseInput = Infer<typeof courseValidator>

/** The per-locale fields of the form (`title_fr`, …) as one localized text. */
function localizedFrom(input: CourseInput, prefix: 'title' | 'summary' | 'prerequisites') {
  const text: LocalizedText = {}
  for (const locale of LOCALES) {
    const value = input[`${prefix}_${locale}`]
    if (value) text[locale] = value
  }
  return text
}

/** A coordinator creates or edits a course of their institute (audited). */
export class SaveCourse {
  async handle(instituteId: number, course: Course | null, input: CourseInput, actor: Actor) {
    return db.transaction(async (client) => {
      const record = course ?? new Course()
      const isNew = !course
      record.useTransaction(client)
      record.merge({
        instituteId,
        title: localizedFrom(input, 'title'),
        summary: localizedFrom(input, 'summary'),
        prerequisites: localizedFrom(input, 'prerequisites'),
        track: input.track,
        level: input.level,
        language: input.language,
        attendanceThreshold: input.attendance_threshold,
        hours: input.hours,
      })
      if (isNew) record.code = `JZ${instituteId}-${randomBytes(4).toString('hex').toUpperCase()}`
      await record.save()
      await recordAudit(
        {
          actor,
          action: isNew ? 'course.created' : 'course.updated',
          subjectType: 'course',
          subjectId: record.id,
          metadata: { track: record.track, threshold: record.attendanceThreshold },
        },
        client
      )
      return record
    })
  }
}
