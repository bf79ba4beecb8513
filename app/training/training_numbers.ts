import db from '@adonisjs/lucid/services/db'

/** DESIGN §8 and Digital Morocco 2030: 100 000 people trained in AI by 2030. */
export const NATIONAL_AI_TARGET = 100_000

export interface TrainingCounts {
  enrolled: number
  completed: number
  certified: number
}

export interface TrainingNumbers {
  total: TrainingCounts
  byTrack: Array<TrainingCounts & { key: string }>
  byRegion: Array<TrainingCounts & { key: string }>
  byGender: Array<TrainingCounts & { key: string }>
}

export interface NationalTarget {
  certifiedInAi: number
  target: number
  /** Share of the target reached, in percent (may exceed 100). */
  percent: number
}

/**
 * Trainees (distinct people) enrolled, completed and certified, by track, region and
 * gender, for one institute or the whole country: ONE query with grouping sets. Enrolled
 * counts everyone who held a seat (accepted, completed or failed); a revoked certificate
 * does not count. Region and gender come from the enrolment form ('unknown' when absent).
 */
export async function trainingNumbers(instituteId?: number): Promise<TrainingNumbers> {
  const result = await db.rawQuery(
    `SELECT courses.track, coalesce(enrolments.region, 'unknown') AS region,
            coalesce(enrolments.gender, 'unknown') AS gender,
            GROUPING(courses.track) AS no_track,
            GROUPING(coalesce(enrolments.region, 'unknown')) AS no_region,
            GROUPING(coalesce(enrolments.gender, 'unknown')) AS no_gender,
            count(DISTINCT enrolments.trainee_id)
              FILTER (WHERE enrolments.state IN ('accepted', 'completed', 'failed')) AS enrolled,
            count(DISTINCT enrolments.trainee_id)
              FILTER (WHERE enrolments.state = 'completed') AS completed,
            count(DISTINCT enrolments.trainee_id)
              FILTER (WHERE certificates.id IS NOT NULL AND certificates.revoked_at IS NULL) AS certified
       FROM enrolments
       JOIN cohorts ON cohorts.id = enrolments.cohort_id
       JOIN courses ON courses.id = cohorts.course_id
       LEFT JOIN certificates ON certificates.enrolment_id = enrolments.id
      WHERE enrolments.state IN ('accepted', 'completed', 'failed')
        AND (?::int IS NULL OR cohorts.institute_id = ?::int)
      GROUP BY GROUPING SETS ((courses.track), (coalesce(enrolments.region, 'unknown')),
                              (coalesce(enrolments.gender, 'unknown')), ())`,
    [instituteId ?? null, instituteId ?? null]
  )
  const numbers: TrainingNumbers = {
    total: { enrolled: 0, completed: 0, certified: 0 },
    byTrack: [],
    byRegion: [],
    byGender: [],
  }
  for (const row of result.rows) {
    const counts = {
      enrolled: Number(row.enrolled),
      completed: Number(row.completed),
      certified: Number(row.certified),
    }
    if (!row.no_track) numbers.byTrack.push({ key: row.track, ...counts })
    else if (!row.no_region) numbers.byRegion.push({ key: row.region, ...counts })
    else if (!row.no_gender) numbers.byGender.push({ key: row.gender, ...counts })
    else numbers.total = counts
  }
  const largestFirst = (a: TrainingCounts, b: TrainingCounts) => b.enrolled - a.enrolled
  numbers.byTrack.sort(largestFirst)
  numbers.byRegion.sort(largestFirst)
  numbers.byGender.sort(largestFirst)
  return numbers
}

/** People certified in the AI track across the country, against the 2030 target. */
export async function nationalAiTarget(): Promise<NationalTarget> {
  const [row] = await db
    .from('certificates')
    .join('enrolments', 'enrolments.id', 'certificates.enrolment_id')
    .join('cohorts', 'cohorts.id', 'enrolments.cohort_id')
    .join('courses', 'courses.id', 'cohorts.course_id')
    .where('courses.track', 'ai')
    .whereNull('certificates.revoked_at')
    .countDistinct('enrolments.trainee_id as total')
  const certifiedInAi = Number(row.total)
  return {
    certifiedInAi,
    target: NATIONAL_AI_TARGET,
    percent: Math.round((certifiedInAi * 10000) / NATIONAL_AI_TARGET) / 100,
  }
}
