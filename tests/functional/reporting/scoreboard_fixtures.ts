import db from '@adonisjs/lucid/services/db'
import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import Programme from '#programmes/models/programme'
import type Application from '#applications/models/application'
import type Organization from '#identity/models/organization'
import { openCallOf } from '#database/factories/programme_factory'
import { acceptedAward, agreementFor } from '#database/factories/agreement_factory'
import { OrganizationFactory } from '#database/factories/organization_factory'
import { userWithRoles } from '#database/factories/user_factory'
import { cohortOf, enrolmentIn } from '#database/factories/training_factory'

const MAD = 100

/** Where an application comes from (region) and for whom (organization). */
async function place(application: Application, region: string | null, organization?: Organization) {
  await db
    .from('applications')
    .where('id', application.id)
    .update({ region, organization_id: organization?.id ?? null })
}

async function startupCall(stage: 'early' | 'growth') {
  const call = await openCallOf('startup_offer')
  await Programme.query().where('id', call.programmeId).update({ stage })
  return call
}

export async function progressReport(
  agreementId: number,
  periodStart: string,
  figures: { jobs: number; fundsMad: number; team: number; women: number },
  submittedBy: number
) {
  await db.table('progress_reports').insert({
    agreement_id: agreementId,
    period_start: periodStart,
    jobs_created: figures.jobs,
    revenue_band: 'under_1m',
    funds_raised_centimes: figures.fundsMad * MAD,
    team_size: figures.team,
    women_in_team: figures.women,
    submitted_by: submittedBy,
    submitted_at: new Date(),
    created_at: new Date(),
    updated_at: new Date(),
  })
}

/**
 * A country in miniature whose every scoreboard figure is computed by hand (the numbers
 * in the comments are what the tests expect):
 *
 * Startup offers (committed 1 300 000 MAD; disbursed 120 000 MAD):
 * - org1, souss_massa: early 300 000 MAD (agreement, first tranche 40 % = 120 000 paid)
 *   and growth 500 000 MAD: one startup, counted in both stages;
 * - org2, souss_massa: early 300 000 MAD; org3, casablanca_settat: early 200 000 MAD;
 * - org4, rabat_sale_kenitra: early 100 000 MAD declined (commit then release: 0).
 *   → 3 startups supported; early 3, growth 1.
 * Bourse de vie (committed 2 × 180 000 MAD; disbursed 2 × 15 000 MAD):
 * - grantee 1 in souss_massa with two stipends paid, grantee 2 in oriental.
 * VC funds (region unknown): A 50 M MAD for a 250 M MAD fund, B 30 M for 90 M, C 20 M
 *   with no readable target size → 3 funds, 100 M MAD, leverage (250 + 90) / (50 + 30) = 4.25.
 * AI training: souss_massa 4 accepted + 2 completed (one certificate revoked), casablanca
 *   1 completed and certified + 1 withdrawn; a data-science graduate does not count.
 *   → enrolled 7, certified 2.
 * Progress: grantee 1 reports jobs 1 then 2, 50 000 MAD, team 2 then 4 with 1 then 2
 *   women; org1's agreement reports 3 jobs, 1 000 000 MAD, team 5 with 1 woman.
 *   → jobs 6, funds raised 1 050 000 MAD, women 3 of 9 (33.33 %).
 */
export async function miniatureCountry() {
  const [org1, org2, org3, org4] = await OrganizationFactory.createMany(4)
  const early = await startupCall('early')
  const growth = await startupCall('growth')

  const org1Early = await agreementFor({
    kind: 'startup_offer',
    call: early,
    amountCentimes: 300_000 * MAD,
    trancheStates: ['paid'],
  })
  await place(org1Early.application, 'souss_massa', org1)
  const org1Growth = await acceptedAward({ call: growth, amountCentimes: 500_000 * MAD })
  await place(org1Growth.application, 'souss_massa', org1)
  const org2Early = await acceptedAward({ call: early, amountCentimes: 300_000 * MAD })
  await place(org2Early.application, 'souss_massa', org2)
  const org3Early = await acceptedAward({ call: early, amountCentimes: 200_000 * MAD })
  await place(org3Early.application, 'casablanca_settat', org3)
  const declined = await acceptedAward({ call: early, amountCentimes: 100_000 * MAD })
  await place(declined.application, 'rabat_sale_kenitra', org4)
  await db.from('decisions').where('id', declined.decision.id).update({ response: 'declined' })
  await db.table('ledger_entries').insert({
    call_id: early.id,
    kind: 'release',
    amount_centimes: 100_000 * MAD,
    decision_id: declined.decision.id,
    created_at: new Date(),
  })

  const livingGrant = await openCallOf('living_grant')
  const grantee1 = await agreementFor({
    kind: 'living_grant',
    call: livingGrant,
    trancheStates: ['paid', 'paid'],
  })
  await place(grantee1.application, 'souss_massa')
  const grantee2 = await acceptedAward({ kind: 'living_grant', call: livingGrant })
  await place(grantee2.application, 'oriental')

  const vcCall = await openCallOf('vc_call')
  await db
    .from('calls')
    .where('id', vcCall.id)
    .update({ envelope_centimes: 200_000_000 * MAD })
  await vcCall.refresh()
  const funds: Array<[number, unknown]> = [
    [50_000_000, 250_000_000 * MAD],
    [30_000_000, String(90_000_000 * MAD)],
    [20_000_000, 'about ninety million'],
  ]
  for (const [commitmentMad, targetSize] of funds) {
    const fund = await acceptedAward({
      kind: 'vc_call',
      call: vcCall,
      amountCentimes: commitmentMad * MAD,
    })
    const company = await OrganizationFactory.apply('fundManager').create()
    await db
      .from('applications')
      .where('id', fund.application.id)
      .update({
        organization_id: company.id,
        submitted_answers: JSON.stringify({ fund: { target_size: targetSize } }),
      })
  }

  const aiCohort = await cohortOf({}, { course: { track: 'ai' } })
  const dataCohort = await cohortOf({}, { course: { track: 'data_science' } })
  const certify = async (enrolment: { id: number }, revoked = false) => {
    const enrolmentId = enrolment.id
    await db.table('certificates').insert({
      enrolment_id: enrolmentId,
      code: randomUUID().slice(0, 16),
      trainee_name: 'Apprenant',
      locale: 'fr',
      issued_at: new Date(),
      revoked_at: revoked ? new Date() : null,
      revocation_reason: revoked ? 'Erreur de saisie' : null,
    })
  }
  const enrol = async (
    cohort: typeof aiCohort,
    region: string,
    state: 'accepted' | 'completed' | 'withdrawn'
  ) => {
    const trainee = await userWithRoles('trainee')
    return enrolmentIn(cohort, trainee.id, {
      state,
      region,
      completedAt: state === 'completed' ? DateTime.utc() : null,
      withdrawnAt: state === 'withdrawn' ? DateTime.utc() : null,
    })
  }
  for (let index = 0; index < 4; index++) await enrol(aiCohort, 'souss_massa', 'accepted')
  await certify(await enrol(aiCohort, 'souss_massa', 'completed'))
  await certify(await enrol(aiCohort, 'souss_massa', 'completed'), true)
  await certify(await enrol(aiCohort, 'casablanca_settat', 'completed'))
  await enrol(aiCohort, 'casablanca_settat', 'withdrawn')
  await certify(await enrol(dataCohort, 'souss_massa', 'completed'))

  const reporter = grantee1.applicant.id
  await progressReport(
    grantee1.agreement.id,
    '2026-01-01',
    { jobs: 1, fundsMad: 0, team: 2, women: 1 },
    reporter
  )
  await progressReport(
    grantee1.agreement.id,
    '2026-02-01',
    { jobs: 2, fundsMad: 50_000, team: 4, women: 2 },
    reporter
  )
  await progressReport(
    org1Early.agreement.id,
    '2026-01-01',
    { jobs: 3, fundsMad: 1_000_000, team: 5, women: 1 },
    org1Early.applicant.id
  )
  return { org1, org2, org3, org1Early, grantee1 }
}
