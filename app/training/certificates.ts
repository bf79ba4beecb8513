import db from '@adonisjs/lucid/services/db'
import i18nManager from '@adonisjs/i18n/services/main'
import { DateTime } from 'luxon'
import { localize } from '#core/i18n/localized_text'
import type Certificate from '#training/models/certificate'
import { renderCertificate } from '#training/certificate_pdf'

/** What the public verification page may show of a certificate, and nothing more. */
export interface PublicCertificate {
  traineeName: string
  courseTitle: string
  instituteName: string
  issuedAt: DateTime
  revoked: boolean
}

/** One query: the certificate with its course and institute, by its stored code. */
async function certificateRow(where: { code: string } | { id: number }) {
  const query = db
    .from('certificates')
    .join('enrolments', 'enrolments.id', 'certificates.enrolment_id')
    .join('cohorts', 'cohorts.id', 'enrolments.cohort_id')
    .join('courses', 'courses.id', 'cohorts.course_id')
    .join('institutes', 'institutes.id', 'cohorts.institute_id')
    .select(
      'certificates.code',
      'certificates.trainee_name',
      'certificates.locale',
      'certificates.issued_at',
      'certificates.revoked_at',
      'courses.title',
      'courses.hours',
      'institutes.name as institute_name',
      'cohorts.starts_on',
      'cohorts.ends_on'
    )
  return 'code' in where
    ? query.where('certificates.code', where.code).first()
    : query.where('certificates.id', where.id).first()
}

export async function publicCertificate(
  code: string | null,
  locale: string
): Promise<PublicCertificate | null> {
  // A malformed code is looked up all the same (and found nowhere): the same answer and
  // about the same time as an unknown one.
  const row = await certificateRow({ code: code ?? '' })
  if (!row) return null
  return {
    traineeName: row.trainee_name,
    courseTitle: localize(row.title, locale),
    instituteName: row.institute_name,
    issuedAt: DateTime.fromJSDate(row.issued_at),
    revoked: row.revoked_at !== null,
  }
}

/** The PDF of a certificate, in the language frozen on it. */
export async function certificatePdf(certificate: Certificate) {
  const row = await certificateRow({ id: certificate.id })
  return renderCertificate(
    {
      code: row.code,
      traineeName: row.trainee_name,
      courseTitle: localize(row.title, row.locale),
      instituteName: row.institute_name,
      startsOn: DateTime.fromJSDate(row.starts_on),
      endsOn: DateTime.fromJSDate(row.ends_on),
      hours: row.hours,
      issuedAt: DateTime.fromJSDate(row.issued_at),
    },
    i18nManager.locale(row.locale)
  )
}
