import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import type { BrowserContext, Page } from 'playwright'
import MainSeeder from '#database/seeders/main_seeder'
import User from '#identity/models/user'
import { ROLES } from '#identity/roles'
import Call from '#programmes/models/call'
import Agreement from '#disbursements/models/agreement'
import Review from '#reviews/models/review'
import Certificate from '#training/models/certificate'
import Cohort from '#training/models/cohort'
import CohortSession from '#training/models/cohort_session'
import Enrolment from '#training/models/enrolment'
import { PlanSession } from '#reviews/actions/plan_session'
import Application from '#applications/models/application'
import { draftOf } from '#database/factories/application_factory'
import { assignedReview } from '#database/factories/scoring_factory'
import { assuranceOf } from '#tests/helpers/assurance'
import { axeViolations, describeViolations } from '#tests/helpers/axe'
import { resetRedis } from '#tests/helpers/services'

const LOCALES = ['fr', 'ar'] as const
type Locale = (typeof LOCALES)[number]

const SCREENS = [
  ['desktop', { width: 1366, height: 900 }],
  ['phone', { width: 390, height: 844 }],
] as const

/** Every role takes the tour (a new role without one does not compile), and the visitor. */
const TOURISTS = ['visitor', ...ROLES] as const
type Tourist = (typeof TOURISTS)[number]

/** Who takes the tour: an email of the demo data, and the pages of their day. */
interface Tour {
  email: string
  pages: string[]
}

let tours: Record<Tourist, Tour>

async function openCallOfProgramme(code: string) {
  return Call.query()
    .where('state', 'open')
    .whereHas('programme', (programme) => programme.where('code', code))
    .firstOrFail()
}

/**
 * The demo data (`npm start`'s seed) plus what it leaves out: drafts, an assigned review,
 * a planned committee session. Ids are read back, never assumed.
 */
async function buildTours(): Promise<Record<Tourist, Tour>> {
  await new MainSeeder(db.connection()).run()

  const early = await openCallOfProgramme('SM-EARLY')
  const vc = await openCallOfProgramme('VC-FOF')
  const pastCall = await Call.query()
    .where('state', 'closed')
    .whereHas('programme', (programme) => programme.where('code', 'BOURSE-VIE'))
    .firstOrFail()

  const agreement = await Agreement.query().orderBy('id').firstOrFail()
  const beneficiary = await User.findOrFail(agreement.beneficiaryId)
  const beneficiaryDraft = await draftOf(beneficiary, early, {
    project: { name: 'Capteurs Chaouia' },
  })
  const fundManager = await User.findByOrFail('email', 'fund@manassa.test')
  const fundDraft = await draftOf(fundManager, vc)

  const reviewer = await User.findByOrFail('email', 'reviewer@manassa.test')
  const submittedReview = await Review.query()
    .where('reviewer_id', reviewer.id)
    .where('state', 'submitted')
    .orderBy('id')
    .firstOrFail()

  // A review still to score (the queue's form, the conflict declaration): on one of the
  // applications the committee never saw.
  const unreviewed = await Application.query()
    .where('call_id', pastCall.id)
    .whereNotExists((reviews) =>
      reviews.from('reviews').whereRaw('reviews.application_id = applications.id')
    )
    .orderBy('id')
    .firstOrFail()
  const openReview = await assignedReview(unreviewed, reviewer)

  const officer = await User.findByOrFail('email', 'officer@manassa.test')
  const session = await new PlanSession().handle(
    pastCall.id,
    { held_at: DateTime.utc().plus({ days: 3 }), quorum: 2, include_others: true },
    { id: officer.id }
  )
  const officerApplication = agreement.applicationId

  const certificate = await Certificate.query().orderBy('id').firstOrFail()
  const enrolment = await Enrolment.findOrFail(certificate.enrolmentId)
  const trainee = await User.findOrFail(enrolment.traineeId)
  const openCohort = await Cohort.query().where('state', 'open').orderBy('id').firstOrFail()
  const finishedCohort = await Cohort.findOrFail(enrolment.cohortId)
  const cohortSession = await CohortSession.query()
    .where('cohort_id', finishedCohort.id)
    .orderBy('id')
    .firstOrFail()

  const admin = await User.findByOrFail('email', 'admin@manassa.test')
  const founder = await User.findByOrFail('email', 'founder@manassa.test')
  const startup = await db
    .from('organization_members')
    .where('user_id', founder.id)
    .orderBy('organization_id')
    .select('organization_id')
    .firstOrFail()
  const auditEntry = await db.from('audit_logs').orderBy('id', 'desc').select('id').firstOrFail()

  return {
    visitor: {
      email: '',
      pages: [
        '/',
        '/calls',
        `/calls/${early.id}`,
        `/calls/${early.id}/eligibility-check?answers[project][amount]=600000`,
        '/login',
        '/signup',
        '/password/forgot',
        '/privacy/register',
        '/training',
        `/training/cohorts/${openCohort.id}`,
        '/training/numbers',
        '/verify',
        `/verify/${certificate.code}`,
        '/scoreboard',
        '/open-data',
        `/open-data/calls/${pastCall.id}/cut-off`,
        '/no-such-page',
      ],
    },
    applicant: {
      email: beneficiary.email,
      pages: [
        '/dashboard',
        '/applications',
        `/applications/${beneficiaryDraft.id}/edit`,
        `/applications/${agreement.applicationId}`,
        `/applications/${agreement.applicationId}/decision`,
        '/agreements',
        `/agreements/${agreement.id}`,
        '/organizations',
        `/agreements/${agreement.id}/progress`,
        '/organizations/new',
        '/profile',
        '/privacy',
      ],
    },
    fund_manager: {
      email: fundManager.email,
      pages: [
        '/dashboard',
        `/calls/${vc.id}`,
        `/applications/${fundDraft.id}/edit`,
        '/organizations',
      ],
    },
    trainee: {
      email: trainee.email,
      pages: [
        '/dashboard',
        '/enrolments',
        `/enrolments/${enrolment.id}`,
        `/training/cohorts/${openCohort.id}/enrolments/create`,
      ],
    },
    reviewer: {
      email: reviewer.email,
      pages: [
        '/dashboard',
        '/reviews',
        `/reviews/${submittedReview.id}`,
        `/reviews/${openReview.id}`,
        `/reviews/${openReview.id}/conflicts/new`,
      ],
    },
    programme_officer: {
      email: officer.email,
      pages: [
        '/dashboard',
        '/staff/programmes',
        `/staff/calls/${early.id}`,
        `/staff/calls/${early.id}/edit`,
        `/staff/calls/${early.id}/form`,
        `/staff/calls/${early.id}/rules`,
        `/staff/calls/${pastCall.id}/applications`,
        `/staff/applications/${officerApplication}`,
        `/staff/calls/${pastCall.id}/committee`,
        `/staff/calls/${pastCall.id}/assignments`,
        `/staff/calls/${pastCall.id}/rubric`,
        `/staff/calls/${pastCall.id}/scores`,
        `/staff/calls/${pastCall.id}/sessions`,
        `/staff/sessions/${session.id}`,
        `/staff/calls/${pastCall.id}/ranking`,
        `/staff/calls/${pastCall.id}/reevaluations`,
        '/staff/search?q=Kettani',
        '/staff/dashboards',
        `/staff/calls/${early.id}/form/builder`,
        `/staff/calls/${early.id}/rules/builder`,
        `/staff/calls/${early.id}/deadline-extensions`,
        '/staff/progress/late',
        '/staff/scoreboard',
        `/organizations/${startup.organization_id}/continuum`,
      ],
    },
    finance_officer: {
      email: 'finance@manassa.test',
      pages: [
        '/dashboard',
        '/finance',
        '/finance/awards',
        `/finance/calls/${pastCall.id}/ledger`,
        '/finance/payments',
        `/agreements/${agreement.id}`,
      ],
    },
    institute_coordinator: {
      email: 'coordinator@manassa.test',
      pages: [
        '/dashboard',
        '/institute',
        `/institute/cohorts/${finishedCohort.id}`,
        `/institute/cohorts/${openCohort.id}/edit`,
        `/institute/sessions/${cohortSession.id}/attendance`,
        `/institute/cohorts/${finishedCohort.id}/assessments`,
        '/institute/courses/create',
      ],
    },
    admin: {
      email: admin.email,
      pages: [
        '/dashboard',
        '/admin/users',
        `/admin/users/${beneficiary.id}/roles`,
        '/admin/invitations/create',
        '/admin/audit',
        `/admin/audit/${auditEntry.id}`,
        '/admin/audit/verification',
        '/admin/privacy/requests',
        '/admin/scoreboard/targets',
      ],
    },
    ministry: {
      email: 'ministry@manassa.test',
      pages: ['/dashboard', '/staff/scoreboard', '/scoreboard'],
    },
  }
}

/** The language the way a person picks it: the switcher in the header (a cookie). */
async function pickLanguage(page: Page, locale: Locale) {
  await page.locator(`.language-switcher button[value="${locale}"]`).click()
  await page.waitForSelector(`html[lang="${locale}"]`)
}

async function signIn(context: BrowserContext & Record<string, any>, email: string) {
  const user = await User.findByOrFail('email', email)
  await context.loginAs(user)
  // Staff pages ask for the second factor: this session has just passed it.
  await context.setSession(assuranceOf(user))
}

test.group('Browser: WCAG 2.2 AA over the tour (axe-core)', (group) => {
  // Seeded once for every role and language; rolled back at the end.
  group.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    await resetRedis()
    tours = await buildTours()
    return rollback
  })

  // A11Y_ROLES=admin,reviewer runs those tours only (docs/accessibility.md).
  const only = process.env.A11Y_ROLES?.split(',')
  for (const role of TOURISTS.filter((name) => !only || only.includes(name))) {
    // The visitor's pages are the ones most read on a phone: targets and reflow at 390 px too.
    const screens = role === 'visitor' ? SCREENS : SCREENS.slice(0, 1)
    for (const [screen, viewport] of screens) {
      for (const locale of LOCALES) {
        // One browser context per role, language and screen, signed in once.
        test(`the ${role} tour in ${locale} on a ${screen} has no WCAG 2.2 AA violation`)
          .timeout(240_000)
          .run(async ({ browserContext, visit, assert }) => {
            const tour = tours[role]
            if (tour.email) await signIn(browserContext as any, tour.email)
            const page = await visit(tour.pages[0])
            await page.setViewportSize(viewport)
            await pickLanguage(page, locale)
            const problems: string[] = []
            for (const path of tour.pages) {
              const response = await page.goto(path)
              const status = response?.status() ?? 0
              if (path !== '/no-such-page' && status >= 400) {
                problems.push(`${locale} ${path}: HTTP ${status}`)
                continue
              }
              assert.equal(await page.getAttribute('html', 'lang'), locale, path)
              assert.equal(await page.getAttribute('html', 'dir'), locale === 'ar' ? 'rtl' : 'ltr')
              const where = `${locale} ${screen} ${path}`
              problems.push(...describeViolations(where, await axeViolations(page)))
            }
            assert.deepEqual(problems, [], `\n${problems.join('\n')}\n`)
          })
      }
    }
  }
})
