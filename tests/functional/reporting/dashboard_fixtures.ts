import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { openCallOf } from '#database/factories/programme_factory'
import { OrganizationFactory } from '#database/factories/organization_factory'
import { UserFactory, userWithRoles } from '#database/factories/user_factory'
import { refreshDashboards } from '#reporting/dashboards/refresh_dashboards'
import type Call from '#programmes/models/call'

let sequence = 0

interface Fact {
  state: string
  region: string
  submittedAt?: string
  createdAt?: string
  gender?: 'female' | 'male'
  birthYear?: number
  locale?: string
  organization?: boolean
  appealedAt?: string
}

/** One application as the dashboards see it, written directly in the state wanted. */
async function application(call: Call, fact: Fact) {
  const applicant = await UserFactory.create()
  const organization = fact.organization ? await OrganizationFactory.create() : null
  const version = await db
    .from('form_versions')
    .where('call_id', call.id)
    .select('id')
    .firstOrFail()
  const submitted = fact.submittedAt !== undefined
  sequence += 1
  const [row] = await db
    .table('applications')
    .insert({
      call_id: call.id,
      applicant_id: applicant.id,
      organization_id: organization?.id ?? null,
      state: fact.state,
      answers: '{}',
      region: fact.region,
      reference: submitted ? `DB-TEST-${String(sequence).padStart(6, '0')}-${call.id}` : null,
      form_version_id: submitted ? version.id : null,
      submitted_answers: submitted ? '{}' : null,
      submitted_at: fact.submittedAt ?? null,
      applicant_gender: fact.gender ?? null,
      applicant_birth_year: fact.birthYear ?? null,
      applicant_locale: submitted ? (fact.locale ?? null) : null,
      appealed_at: fact.appealedAt ?? null,
      created_at: fact.createdAt ?? fact.submittedAt,
      updated_at: fact.createdAt ?? fact.submittedAt,
    })
    .returning(['id', 'applicant_id'])
  return { id: row.id as number, applicantId: row.applicant_id as number }
}

/** An award published at `publishedAt`, committed in the ledger at the same instant. */
async function award(
  call: Call,
  app: { id: number; applicantId: number },
  amountCentimes: number,
  publishedAt: string,
  officerId: number
) {
  const [decision] = await db
    .table('decisions')
    .insert({
      call_id: call.id,
      application_id: app.id,
      outcome: 'awarded',
      amount_centimes: amountCentimes,
      decided_by: officerId,
      created_at: publishedAt,
      updated_at: publishedAt,
      published_at: publishedAt,
    })
    .returning('id')
  await db.table('ledger_entries').insert({
    call_id: call.id,
    kind: 'commit',
    amount_centimes: amountCentimes,
    decision_id: decision.id,
    created_at: publishedAt,
  })
  return decision.id as number
}

/** An agreement for the award and its tranches paid at these instants. */
async function payments(
  call: Call,
  app: { id: number; applicantId: number },
  decisionId: number,
  totalCentimes: number,
  paid: Array<[amountCentimes: number, paidAt: string]>
) {
  const [agreement] = await db
    .table('agreements')
    .insert({
      decision_id: decisionId,
      call_id: call.id,
      application_id: app.id,
      beneficiary_id: app.applicantId,
      kind: 'startup_offer',
      total_centimes: totalCentimes,
      paid_centimes: paid.reduce((sum, [amount]) => sum + amount, 0),
      created_at: paid[0][1],
      updated_at: paid[0][1],
    })
    .returning('id')
  for (const [index, [amount, paidAt]] of paid.entries()) {
    const [tranche] = await db
      .table('tranches')
      .insert({
        agreement_id: agreement.id,
        call_id: call.id,
        sequence: index + 1,
        amount_centimes: amount,
        state: 'paid',
        idempotency_key: `payout:test-${agreement.id}-${index}`,
        paid_at: paidAt,
        created_at: paidAt,
        updated_at: paidAt,
      })
      .returning('id')
    await db.table('ledger_entries').insert({
      call_id: call.id,
      kind: 'disburse',
      amount_centimes: amount,
      tranche_id: tranche.id,
      created_at: paidAt,
    })
  }
}

async function review(
  call: Call,
  app: { id: number },
  reviewerId: number,
  dueAt: DateTime,
  submittedAt: DateTime | null
) {
  await db.table('reviews').insert({
    call_id: call.id,
    application_id: app.id,
    reviewer_id: reviewerId,
    state: submittedAt ? 'submitted' : 'assigned',
    due_at: dueAt.toJSDate(),
    weighted_score: submittedAt ? 70 : null,
    submitted_at: submittedAt?.toJSDate() ?? null,
    created_at: dueAt.minus({ days: 14 }).toJSDate(),
    updated_at: dueAt.minus({ days: 14 }).toJSDate(),
  })
}

const MAD = 100

/**
 * The dashboards' fixture, every figure computed by hand in the tests (times in UTC,
 * all at 10:00, months the same in Casablanca):
 *
 * call A (startup offer, stage early, envelope 1 000 000 MAD)
 *   #1 draft           souss_massa  created 2026-01-10
 *   #2 submitted       souss_massa  2026-01-15  female 2000 ar
 *   #3 appealed        oriental     2026-01-20  male 1980 fr  startup  (appeal pending)
 *   #4 eligible        oriental     2026-02-05  female 2003 ar         (appeal upheld)
 *   #5 ineligible      souss_massa  2026-02-10  —    —    en           (appeal dismissed)
 *   #6 in_review       souss_massa  2026-02-12  male 1990 fr
 *   #7 awarded         oriental     2026-01-25  female 1995 ar  award 100 000 on 03-01
 *   #8 disbursing      souss_massa  2026-02-01  male —    fr  startup  award 80 000 on
 *                                   03-01, paid 40 000 on 03-11
 *   #9 completed       rabat_sale_kenitra 2026-01-05 female 1985 zgh  award 50 000 on
 *                                   02-04, paid 20 000 on 02-24 and 30 000 on 03-20
 * call B (living grant, no stage, envelope 500 000 MAD)
 *   #10 submitted      oriental     2026-03-03  female 1999 ar
 * reviews: R1 on #6 overdue by 5 days, on #7 submitted 3 days late, on #8 on time;
 *          R2 on #6 on time, on #9 not due yet.
 */
export async function dashboardFixture() {
  const officer = await userWithRoles('programme_officer')
  const callA = await openCallOf('startup_offer')
  callA.envelopeCentimes = 1_000_000 * MAD
  await callA.save()
  const callB = await openCallOf('living_grant')
  callB.envelopeCentimes = 500_000 * MAD
  await callB.save()
  const at = (day: string) => `${day}T10:00:00Z`

  await application(callA, { state: 'draft', region: 'souss_massa', createdAt: at('2026-01-10') })
  await application(callA, {
    state: 'submitted',
    region: 'souss_massa',
    submittedAt: at('2026-01-15'),
    gender: 'female',
    birthYear: 2000,
    locale: 'ar',
  })
  await application(callA, {
    state: 'appealed',
    region: 'oriental',
    submittedAt: at('2026-01-20'),
    gender: 'male',
    birthYear: 1980,
    locale: 'fr',
    organization: true,
    appealedAt: at('2026-01-28'),
  })
  await application(callA, {
    state: 'eligible',
    region: 'oriental',
    submittedAt: at('2026-02-05'),
    gender: 'female',
    birthYear: 2003,
    locale: 'ar',
    appealedAt: at('2026-02-08'),
  })
  await application(callA, {
    state: 'ineligible',
    region: 'souss_massa',
    submittedAt: at('2026-02-10'),
    locale: 'en',
    appealedAt: at('2026-02-12'),
  })
  const inReview = await application(callA, {
    state: 'in_review',
    region: 'souss_massa',
    submittedAt: at('2026-02-12'),
    gender: 'male',
    birthYear: 1990,
    locale: 'fr',
  })
  const awarded = await application(callA, {
    state: 'awarded',
    region: 'oriental',
    submittedAt: at('2026-01-25'),
    gender: 'female',
    birthYear: 1995,
    locale: 'ar',
  })
  const disbursing = await application(callA, {
    state: 'disbursing',
    region: 'souss_massa',
    submittedAt: at('2026-02-01'),
    gender: 'male',
    locale: 'fr',
    organization: true,
  })
  const completed = await application(callA, {
    state: 'completed',
    region: 'rabat_sale_kenitra',
    submittedAt: at('2026-01-05'),
    gender: 'female',
    birthYear: 1985,
    locale: 'zgh',
  })
  await application(callB, {
    state: 'submitted',
    region: 'oriental',
    submittedAt: at('2026-03-03'),
    gender: 'female',
    birthYear: 1999,
    locale: 'ar',
  })

  await award(callA, awarded, 100_000 * MAD, at('2026-03-01'), officer.id)
  const disbursingAward = await award(callA, disbursing, 80_000 * MAD, at('2026-03-01'), officer.id)
  const completedAward = await award(callA, completed, 50_000 * MAD, at('2026-02-04'), officer.id)
  await payments(callA, disbursing, disbursingAward, 80_000 * MAD, [
    [40_000 * MAD, at('2026-03-11')],
  ])
  await payments(callA, completed, completedAward, 50_000 * MAD, [
    [20_000 * MAD, at('2026-02-24')],
    [30_000 * MAD, at('2026-03-20')],
  ])

  const firstReviewer = await UserFactory.merge({
    fullName: 'Amina Reviewer',
    roles: ['reviewer'],
  }).create()
  const secondReviewer = await UserFactory.merge({
    fullName: 'Youssef Reviewer',
    roles: ['reviewer'],
  }).create()
  const now = DateTime.utc()
  await review(callA, inReview, firstReviewer.id, now.minus({ days: 5, hours: 1 }), null)
  const due = DateTime.fromISO(at('2026-02-10'), { zone: 'utc' })
  await review(callA, awarded, firstReviewer.id, due, due.plus({ days: 3, hours: 1 }))
  await review(callA, disbursing, firstReviewer.id, due, due.minus({ days: 1 }))
  await review(callA, inReview, secondReviewer.id, due, due.minus({ hours: 2 }))
  await review(callA, completed, secondReviewer.id, now.plus({ days: 3 }), null)

  await refreshDashboards()
  return { officer, callA, callB, firstReviewer, secondReviewer }
}
