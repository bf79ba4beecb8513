import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import type { Infer } from '@vinejs/vine/types'
import { recordAudit } from '#core/audit/audit_trail'
import type { Actor } from '#core/audit/actor'
import { fromCasablancaInput } from '#core/casablanca_time'
import { DomainError, InvalidFields } from '#core/exceptions/domain_error'
import { checkRuleSet } from '#eligibility/rule_set_checker'
import type { RuleSet } from '#eligibility/rule_set'
import Cohort from '#training/models/cohort'
import { enrolmentForm } from '#training/enrolment_form'
import Course from '#training/models/course'
import type { cohortValidator } from '#training/validators/institute'

type CohortInput = Infer<typeof cohortValidator>

/** The eligibility rules typed as JSON, checked like a call's (DESIGN §4), or null. */
function rulesFrom(text: string | undefined): RuleSet | null {
  if (!text) return null
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new InvalidFields([
      { field: 'eligibility_rules', message: 'institute.errors.rules_json' },
    ])
  }
  const problems = checkRuleSet(json, enrolmentForm())
  if (problems.length > 0) {
    throw new InvalidFields([
      {
        field: 'eligibility_rules',
        message: 'institute.errors.rules_invalid',
        data: {
          problems: problems.map((problem) => `${problem.path}: ${problem.message}`).join('; '),
        },
      },
    ])
  }
  return json as RuleSet
}

/**
 * A coordinator creates or edits a cohort of one of their courses. Capacity can shrink
 * only down to the seats already taken (checked under the cohort's lock); a closed cohort
 * is no longer edited.
 */
export class SaveCohort {
  async handle(instituteId: number, cohortId: number | null, input: CohortInput, actor: Actor) {
    const closesAt = fromCasablancaInput(input.enrolment_closes_at)
    if (!closesAt) {
      throw new InvalidFields([
        { field: 'enrolment_closes_at', message: 'institute.errors.instant' },
      ])
    }
    const rules = rulesFrom(input.eligibility_rules)
    return db.transaction(async (client) => {
      const course = await Course.query({ client })
        .where({ id: input.course_id, institute_id: instituteId })
        .first()
      if (!course) {
        throw new InvalidFields([{ field: 'course_id', message: 'institute.errors.course' }])
      }
      const cohort = cohortId
        ? await Cohort.query({ client }).where('id', cohortId).forUpdate().firstOrFail()
        : new Cohort()
      if (cohort.state === 'closed') {
        throw new DomainError('institute.errors.cohort_closed', { status: 409 })
      }
      if (cohortId && input.capacity < cohort.seatsTaken) {
        throw new InvalidFields([
          {
            field: 'capacity',
            message: 'institute.errors.capacity_below_seats',
            data: { seats: cohort.seatsTaken },
          },
        ])
      }
      cohort.useTransaction(client)
      cohort.merge({
        courseId: course.id,
        instituteId,
        startsOn: DateTime.fromJSDate(input.starts_on),
        endsOn: DateTime.fromJSDate(input.ends_on),
        enrolmentClosesAt: closesAt,
        capacity: input.capacity,
        mode: input.mode,
        selection: input.selection,
        eligibilityRules: rules,
      })
      if (!cohortId) cohort.state = 'draft'
      await cohort.save()
      await recordAudit(
        {
          actor,
          action: cohortId ? 'cohort.updated' : 'cohort.created',
          subjectType: 'cohort',
          subjectId: cohort.id,
          metadata: { capacity: cohort.capacity, selection: cohort.selection },
        },
        client
      )
      return cohort
    })
  }
}
