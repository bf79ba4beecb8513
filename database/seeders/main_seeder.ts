import { BaseSeeder } from '@adonisjs/lucid/seeders'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import User from '#identity/models/user'
import Organization from '#identity/models/organization'
import Institute from '#training/models/institute'
import Programme from '#programmes/models/programme'
import Call from '#programmes/models/call'
import FormVersion from '#programmes/models/form_version'
import RuleSetVersion from '#eligibility/models/rule_set_version'
import { APPLICATION_FORMS, hasApplicationForm } from '#database/forms/index'
import { SEEDED_RULE_SETS } from '#database/rules/index'
import { inCasablanca } from '#core/casablanca_time'
import type { Role } from '#identity/roles'
import { seedTrainingCatalogue } from '#database/demo/training_catalogue'
import { seedTrainingResults } from '#database/demo/training_results'
import { seedReviewsCommittee } from '#database/demo/reviews_committee'
import { seedReviewsScoring } from '#database/demo/reviews_scoring'
import { seedReviewPipeline } from '#database/demo/review_pipeline'
import { seedDisbursements } from '#database/demo/disbursements'
import { seedProgressReports } from '#database/demo/progress'

/** Every demo account shares this password (README). */
export const DEMO_PASSWORD = 'Manassa-demo-2026'

export const DEMO_ACCOUNTS: { email: string; fullName: string; roles: Role[] }[] = [
  { email: 'admin@manassa.test', fullName: 'Salma Bennani', roles: ['admin'] },
  { email: 'officer@manassa.test', fullName: 'Youssef El Amrani', roles: ['programme_officer'] },
  { email: 'finance@manassa.test', fullName: 'Nadia Tazi', roles: ['finance_officer'] },
  { email: 'finance2@manassa.test', fullName: 'Omar Berrada', roles: ['finance_officer'] },
  { email: 'reviewer@manassa.test', fullName: 'Karim Alaoui', roles: ['reviewer'] },
  {
    email: 'coordinator@manassa.test',
    fullName: 'Imane Chraibi',
    roles: ['institute_coordinator'],
  },
  { email: 'founder@manassa.test', fullName: 'Amine Idrissi', roles: ['applicant'] },
  { email: 'fund@manassa.test', fullName: 'Claire Dubois', roles: ['fund_manager'] },
  { email: 'trainee@manassa.test', fullName: 'ⵜⵉⴼⴰⵡⵜ ⴰⵎⵣⵡⴰⵔ (Tifawt Amezwar)', roles: ['trainee'] },
  { email: 'ministry@manassa.test', fullName: 'Hind Benjelloun', roles: ['ministry'] },
]

/**
 * The demo data `npm start` loads into an empty database: one account per role, a
 * Jazari institute, a startup and a fund manager company, and one programme of each
 * kind with a call open for the next two months, each call but the training one with
 * version 1 of its kind's application form (database/forms) and version 1 of its rule
 * set (database/rules), published by the demo programme officer; then the demo of each
 * domain (database/demo): training, committees, a past call run through review and
 * award, and its agreements. One transaction: a failed run leaves the database empty, so
 * `npm start` seeds it again next time.
 */
export default class MainSeeder extends BaseSeeder {
  async run() {
    await db.transaction(async (client) => {
      const institute = await Institute.create(
        {
          name: 'Institut Jazari Casablanca-Settat',
          city: 'Casablanca',
          region: 'casablanca_settat',
        },
        { client }
      )

      const verifiedAt = DateTime.utc()
      const users = new Map<string, User>()
      for (const account of DEMO_ACCOUNTS) {
        const user = await User.create(
          {
            ...account,
            password: DEMO_PASSWORD,
            emailVerifiedAt: verifiedAt,
            preferredLocale: account.roles.includes('trainee') ? 'zgh' : 'fr',
            instituteId: account.roles.includes('institute_coordinator') ? institute.id : null,
          },
          { client }
        )
        users.set(account.email, user)
      }

      const startup = await Organization.create(
        {
          kind: 'startup',
          name: 'Atlas AgriTech',
          rcNumber: '512345',
          ice: '002345678000019',
          foundedOn: DateTime.fromISO('2024-03-12'),
          region: 'souss_massa',
          sector: 'agritech',
        },
        { client }
      )
      const fund = await Organization.create(
        {
          kind: 'fund_manager_company',
          name: 'Sahara Ventures Partners',
          country: 'FR',
          regulator: 'AMF',
          aumCentimes: 150_000_000_000,
        },
        { client }
      )
      await client.table('organization_members').multiInsert([
        {
          organization_id: startup.id,
          user_id: users.get('founder@manassa.test')!.id,
          role: 'owner',
          created_at: new Date(),
        },
        {
          organization_id: fund.id,
          user_id: users.get('fund@manassa.test')!.id,
          role: 'owner',
          created_at: new Date(),
        },
      ])

      const opensAt = DateTime.utc().minus({ days: 7 })
      const closesAt = DateTime.fromISO('17:00', { zone: 'Africa/Casablanca' })
        .plus({ months: 2 })
        .toUTC()
      const closingDate = inCasablanca(closesAt).toISODate()!
      const officer = users.get('officer@manassa.test')!
      const programmes: Array<Partial<Programme> & { call: Partial<Call> }> = [
        {
          code: 'SM-EARLY',
          kind: 'startup_offer',
          stage: 'early',
          title: {
            fr: 'Offre Startup Maroc — Amorçage',
            ar: 'عرض ستارت أب المغرب — مرحلة الانطلاق',
            zgh: 'ⴰⵙⵓⵎⵔ ⵏ Startup Maroc — ⴰⵙⵏⵓⵍⴼⵓ',
            en: 'Startup Maroc Offer — Early stage',
          },
          grantCeilingCentimes: 50_000_000,
          call: {
            title: {
              fr: 'Appel 2026 — Amorçage',
              ar: 'دعوة 2026 — الانطلاق',
              zgh: 'ⴰⵖⵔⵓⵔ 2026 — ⴰⵙⵏⵓⵍⴼⵓ',
              en: '2026 call — Early stage',
            },
            envelopeCentimes: 2_000_000_000,
          },
        },
        {
          // Founders with an idea or a prototype: the first offer of the continuum.
          code: 'SM-IDEATION',
          kind: 'startup_offer',
          stage: 'ideation',
          title: {
            fr: 'Offre Startup Maroc — Idéation',
            ar: 'عرض ستارت أب المغرب — بلورة الفكرة',
            zgh: 'ⴰⵙⵓⵎⵔ ⵏ Startup Maroc — ⵜⴰⵡⵏⴳⵉⵎⵜ',
            en: 'Startup Maroc Offer — Ideation',
          },
          grantCeilingCentimes: 10_000_000,
          call: {
            title: {
              fr: 'Appel 2026 — Idéation',
              ar: 'دعوة 2026 — بلورة الفكرة',
              zgh: 'ⴰⵖⵔⵓⵔ 2026 — ⵜⴰⵡⵏⴳⵉⵎⵜ',
              en: '2026 call — Ideation',
            },
            envelopeCentimes: 500_000_000,
          },
        },
        {
          code: 'BOURSE-VIE',
          kind: 'living_grant',
          stage: null,
          title: {
            fr: 'Bourse de vie',
            ar: 'منحة العيش',
            zgh: 'ⵜⴰⵎⵓⵙⵙⵏⵜ ⵏ ⵜⵓⴷⵔⵜ',
            en: 'Living stipend',
          },
          monthlyStipendCentimes: 1_500_000,
          stipendMonths: 12,
          call: {
            title: {
              fr: 'Bourse de vie — 2026',
              ar: 'منحة العيش — 2026',
              zgh: 'ⵜⴰⵎⵓⵙⵙⵏⵜ ⵏ ⵜⵓⴷⵔⵜ — 2026',
              en: 'Living stipend — 2026',
            },
            envelopeCentimes: 1_800_000_000,
          },
        },
        {
          code: 'VC-FOF',
          kind: 'vc_call',
          stage: null,
          title: {
            fr: "Appel à manifestation d'intérêt — gestionnaires de fonds VC",
            ar: 'طلب إبداء الاهتمام — مسيرو صناديق رأس المال المخاطر',
            zgh: 'ⴰⵖⵔⵓⵔ ⵉ ⵉⵎⵙⵡⵓⴷⴷⵓ ⵏ ⵜⵙⵏⴷⵓⵇⵉⵏ VC',
            en: 'Call for expression of interest — VC fund managers',
          },
          call: {
            title: {
              fr: 'AMI fonds de fonds 2026',
              ar: 'طلب إبداء الاهتمام 2026',
              zgh: 'ⴰⵖⵔⵓⵔ VC 2026',
              en: 'Fund-of-funds EOI 2026',
            },
            envelopeCentimes: 50_000_000_000,
            blindReview: false,
          },
        },
        {
          code: 'JAZARI-AI',
          kind: 'training',
          stage: null,
          title: {
            fr: 'Instituts Jazari — IA',
            ar: 'معاهد الجزري — الذكاء الاصطناعي',
            zgh: 'ⵉⵏⵙⵜⵉⵜⵓⵜⵏ ⵏ ⵊⴰⵣⴰⵔⵉ — ⵜⵉⵖⵉⵍⵉ ⵜⴰⵎⴳⵓⵔⴰⵏⵜ',
            en: 'Jazari institutes — AI',
          },
          call: {
            title: {
              fr: 'Cohorte IA — printemps 2027',
              ar: 'فوج الذكاء الاصطناعي — ربيع 2027',
              zgh: 'ⵜⴰⵔⴰⴱⴱⵓⵜ — 2027',
              en: 'AI cohort — spring 2027',
            },
            envelopeCentimes: 0,
          },
        },
      ]
      for (const { call: callFields, ...fields } of programmes) {
        const programme = await Programme.create({ ...fields, summary: {} }, { client })
        const call = await Call.create(
          {
            programmeId: programme.id,
            description: {},
            blindReview: false,
            ...callFields,
            state: 'open',
            opensAt,
            closesAt,
          },
          { client }
        )
        if (hasApplicationForm(programme.kind)) {
          await FormVersion.create(
            {
              callId: call.id,
              version: 1,
              definition: APPLICATION_FORMS[programme.kind],
              frozenAt: null,
            },
            { client }
          )
          await RuleSetVersion.create(
            {
              callId: call.id,
              version: 1,
              rules: SEEDED_RULE_SETS[programme.kind]({
                closingDate,
                grantCeilingCentimes: programme.grantCeilingCentimes,
              }),
              publishedAt: DateTime.utc(),
              publishedBy: officer.id,
            },
            { client }
          )
        }
      }

      // In this order: the committee and rubrics of the open calls, then the 2025 edition
      // run through them (it reuses both), then agreements from its accepted awards.
      await seedTrainingCatalogue(client)
      await seedTrainingResults(client)
      await seedReviewsCommittee(client)
      await seedReviewsScoring(client)
      await seedReviewPipeline(client)
      await seedDisbursements(client)
      await seedProgressReports(client)
      // Every demo person gave the processing consent, as signing up requires (law 09-08).
      await client.rawQuery(`INSERT INTO user_consents (user_id, purpose, granted_at)
        SELECT id, 'processing', created_at FROM users ON CONFLICT DO NOTHING`)
    })
  }
}
