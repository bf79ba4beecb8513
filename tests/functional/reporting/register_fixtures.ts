import db from '@adonisjs/lucid/services/db'
import type Application from '#applications/models/application'
import type Call from '#programmes/models/call'
import type User from '#identity/models/user'
import { AwardCall } from '#reviews/actions/award_call'
import { PublishDecisions } from '#reviews/actions/publish_decisions'
import { IssueRelease } from '#reporting/register/actions/issue_release'
import type OpenDataRelease from '#reporting/register/models/open_data_release'
import { callInReview, scoredApplication } from '#database/factories/decision_factory'
import { OrganizationFactory } from '#database/factories/organization_factory'
import { UserFactory, userWithRoles } from '#database/factories/user_factory'
import { newCin } from '#tests/functional/privacy/privacy_fixtures'
import { schemaProblems } from '#tests/helpers/json_schema'
import { threeSixtyGivingPackageSchema } from '#tests/helpers/three_sixty_giving_schema'

/** An officer's award run, then its publication (what the two buttons do). */
export async function awardAndPublish(call: Call) {
  const officer = await userWithRoles('programme_officer')
  await new AwardCall().handle(call.id, { id: officer.id })
  await new PublishDecisions().handle(call.id, { id: officer.id })
  return officer
}

export function issue(call: Call, reason: 'officer' | 'sweep' = 'officer') {
  return new IssueRelease().handle(call.id, reason, { id: null })
}

export async function giveOpenDataConsent(user: User) {
  await db.table('user_consents').insert({
    user_id: user.id,
    purpose: 'open_data_publication',
    granted_at: new Date(),
  })
}

export interface DecidedCall {
  call: Call
  company: { id: number; name: string }
  consenting: User
  /** Individuals without consent, with a CIN in their answers: never in the register. */
  secrets: Array<{ user: User; cin: string; application: Application }>
  applications: Record<string, Application>
}

/**
 * A call of 1 000 000 MAD decided and published (threshold 60), hand-computed:
 *   90 company     300 000 → awarded (left 700 000)
 *   85 consenting  200 000 → awarded (left 500 000)
 *   80 secret A    150 000 → awarded (left 350 000)
 *   75 secret B    100 000 → awarded (left 250 000)
 *   70 reserve     400 000 → does not fit: reserve list no. 1
 *   65 secret C     50 000 → awarded, below the reserve (left 200 000)
 *   40 low          50 000 → rejected (below 60)
 * Awarded 800 000 MAD in 5 grants; individuals without consent: 3, 300 000 MAD.
 */
export async function decidedCall(): Promise<DecidedCall> {
  const call = await callInReview({ envelopeCentimes: 100_000_000 })
  const company = await OrganizationFactory.create()
  const consenting = await UserFactory.merge({ fullName: 'Salma Consentante' }).create()
  await giveOpenDataConsent(consenting)

  const companyApplication = await scoredApplication(call, { score: 90, amountMad: 300_000 })
  companyApplication.organizationId = company.id
  await companyApplication.save()
  const consentingApplication = await scoredApplication(call, {
    score: 85,
    amountMad: 200_000,
    applicant: consenting,
  })
  const secrets = []
  for (const [letter, score, amountMad] of [
    ['A', 80, 150_000],
    ['B', 75, 100_000],
    ['C', 65, 50_000],
  ] as const) {
    const user = await UserFactory.merge({
      fullName: `Youssef Secret${letter} Elalami`,
      email: `youssef.secret${letter.toLowerCase()}.${Date.now()}@example.ma`,
    }).create()
    const application = await scoredApplication(call, { score, amountMad, applicant: user })
    const cin = newCin()
    application.submittedAnswers = {
      project: { ...(application.submittedAnswers as any).project, cin },
    }
    await application.save()
    secrets.push({ user, cin, application })
  }
  const reserve = await scoredApplication(call, { score: 70, amountMad: 400_000 })
  const low = await scoredApplication(call, { score: 40, amountMad: 50_000 })
  await awardAndPublish(call)
  return {
    call,
    company,
    consenting,
    secrets,
    applications: {
      company: companyApplication,
      consenting: consentingApplication,
      reserve,
      low,
    },
  }
}

/** The release's JSON, checked against the 360Giving schema (and unique grant ids). */
export function validPackage(release: OpenDataRelease) {
  const body = JSON.parse(release.jsonBody)
  const problems = schemaProblems(
    threeSixtyGivingPackageSchema,
    threeSixtyGivingPackageSchema,
    body
  )
  const ids = body.grants.map((grant: { id: string }) => grant.id)
  if (new Set(ids).size !== ids.length) problems.push('$.grants: ids are not unique')
  return { body, problems }
}

/** Every place a person could be recognised by in a file. */
export function traitsOf(user: User, cin: string) {
  const [first, ...rest] = user.fullName.split(' ')
  return [user.fullName, first, rest.join(' '), user.email, cin]
}
