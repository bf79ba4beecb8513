import { createHash, randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import drive from '@adonisjs/drive/services/main'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import User from '#identity/models/user'
import Programme from '#programmes/models/programme'
import Call from '#programmes/models/call'
import FormVersion from '#programmes/models/form_version'
import Application from '#applications/models/application'
import ApplicationDocument from '#applications/models/application_document'
import RuleSetVersion from '#eligibility/models/rule_set_version'
import CallRubric from '#reviews/models/call_rubric'
import Review from '#reviews/models/review'
import Decision from '#reviews/models/decision'
import { applicationLifecycle } from '#applications/application_lifecycle'
import { nextReference, REFERENCE_PREFIXES } from '#applications/reference_numbers'
import { typedAnswers } from '#applications/answers'
import { answersValidator } from '#programmes/forms/answers_validator'
import type { FormAnswers } from '#programmes/forms/form_definition'
import { screenApplication } from '#eligibility/actions/evaluate_application'
import { AssignReviewers } from '#reviews/actions/assign_reviewers'
import { SubmitReview } from '#reviews/actions/submit_review'
import { AwardCall } from '#reviews/actions/award_call'
import { PublishDecisions } from '#reviews/actions/publish_decisions'
import { RespondToAward } from '#reviews/actions/respond_to_award'
import type { Actor } from '#core/audit/actor'
import { APPLICATION_FORMS } from '#database/forms/index'
import { SEEDED_RULE_SETS } from '#database/rules/index'
import { DEMO_PASSWORD } from '#database/seeders/main_seeder'
import { seedReviewsCommittee } from '#database/demo/reviews_committee'
import { seedReviewsScoring } from '#database/demo/reviews_scoring'

/** Project + commitment scores (0–5) given by the chair, reviewer2 and reviewer3. */
type Marks = [[number, number], [number, number], [number, number]]

interface Candidate {
  fullName: string
  email: string
  locale: 'fr' | 'ar' | 'zgh' | 'en'
  region: string
  submittedOn: string
  years: number
  employer: string
  status: 'employed' | 'resigned'
  resignedOn?: string
  innovation: 'growth' | 'disruptive'
  startOn: string
  summary: string
  /** Absent for the ineligible ones: they never reach the committee. */
  marks?: Marks
}

/**
 * The 2025 edition's applicants, strongest first. The marks give, after normalization,
 * seven applications above the award threshold of 60 (five awarded within the envelope,
 * two on the reserve list, one of them flagged for disagreement) and one below it; the
 * last two fail the eligibility rules (3 years of experience; resigned 19 months before
 * the closing date). `.test` addresses: never delivered, and a domain of their own so
 * that the reviewers (manassa.test) are not conflicted by email domain.
 */
const CANDIDATES: Candidate[] = [
  {
    fullName: 'Meryem Kettani',
    email: 'meryem.kettani@candidat.test',
    locale: 'fr',
    region: 'casablanca_settat',
    submittedOn: '2025-03-04',
    years: 12,
    employer: 'OCP Group',
    status: 'resigned',
    resignedOn: '2025-01-31',
    innovation: 'disruptive',
    startOn: '2025-06-01',
    summary:
      'Capteurs d’humidité à bas coût et modèle de prévision pour piloter l’irrigation goutte-à-goutte des petites exploitations du Chaouia. Les agriculteurs reçoivent un SMS en darija qui dit quand et combien arroser ; le pilote de 2024 a économisé 30 % d’eau sur 40 hectares.',
    marks: [
      [5, 5],
      [5, 4],
      [4, 5],
    ],
  },
  {
    fullName: 'رشيد المنصوري',
    email: 'rachid.elmansouri@candidat.test',
    locale: 'ar',
    region: 'oriental',
    submittedOn: '2025-03-18',
    years: 9,
    employer: 'Banque Populaire',
    status: 'employed',
    innovation: 'disruptive',
    startOn: '2025-07-01',
    summary:
      'منصة للأداء عبر الهاتف موجهة للتجار الصغار في جهة الشرق، تتيح قبول الدفع ببطاقات بنكية دون جهاز خاص، مع سجل مبيعات مبسط باللغة العربية وقروض صغيرة مبنية على تاريخ المعاملات. جربنا النموذج الأولي مع 25 متجرًا في وجدة وبركان طيلة ثلاثة أشهر، وبلغ حجم المعاملات 400 ألف درهم.',
    marks: [
      [5, 4],
      [4, 4],
      [5, 5],
    ],
  },
  {
    fullName: 'ⵉⵜⵜⵓ ⴰⵢⵜ ⵡⴰⵃⵎⴰⵏ (Itto Aït Ouahmane)',
    email: 'itto.aitouahmane@candidat.test',
    locale: 'zgh',
    region: 'draa_tafilalet',
    submittedOn: '2025-04-02',
    years: 8,
    employer: 'Agence Nationale des Eaux et Forêts',
    status: 'resigned',
    resignedOn: '2024-11-30',
    innovation: 'growth',
    startOn: '2025-06-15',
    summary:
      'Coopérative numérique pour les tisseuses de tapis du Drâa-Tafilalet : catalogue en ligne, paiement sécurisé et traçabilité de chaque pièce par un QR code qui raconte son village et sa tisseuse. Vingt tisseuses de Tinghir vendent déjà en Europe par notre boutique de test.',
    marks: [
      [4, 5],
      [4, 4],
      [4, 4],
    ],
  },
  {
    fullName: 'Anas Benkirane',
    email: 'anas.benkirane@candidat.test',
    locale: 'en',
    region: 'rabat_sale_kenitra',
    submittedOn: '2025-04-10',
    years: 7,
    employer: 'Capgemini Maroc',
    status: 'employed',
    innovation: 'growth',
    startOn: '2025-07-01',
    summary:
      'A scheduling and teleconsultation tool for private clinics outside the big cities: patients book in Arabic, French or Amazigh by WhatsApp, doctors see a shared calendar and records, and no-shows drop thanks to reminders. Three clinics in Kenitra have used the beta since January.',
    marks: [
      [4, 4],
      [4, 3],
      [4, 4],
    ],
  },
  {
    fullName: 'Zineb Alami',
    email: 'zineb.alami@candidat.test',
    locale: 'fr',
    region: 'marrakech_safi',
    submittedOn: '2025-04-14',
    years: 10,
    employer: 'Club Med Marrakech',
    status: 'resigned',
    resignedOn: '2025-02-28',
    innovation: 'growth',
    startOn: '2025-05-15',
    summary:
      'Plateforme de réservation d’expériences de tourisme rural autour de Marrakech (ateliers de poterie, randonnées, cuisine chez l’habitant), qui reverse 80 % du prix aux familles hôtes et mesure l’impact sur leurs revenus. Quarante hôtes sont inscrits après six mois de test.',
    marks: [
      [4, 3],
      [3, 4],
      [4, 4],
    ],
  },
  {
    fullName: 'سعاد الفاسي',
    email: 'souad.elfassi@candidat.test',
    locale: 'ar',
    region: 'fes_meknes',
    submittedOn: '2025-04-21',
    years: 6,
    employer: 'Université Sidi Mohamed Ben Abdellah',
    status: 'employed',
    innovation: 'disruptive',
    startOn: '2025-09-01',
    summary:
      'مختبر صغير لإعادة تدوير بقايا الزيتون في جهة فاس مكناس وتحويلها إلى بلاستيك حيوي قابل للتحلل لتغليف المنتجات الغذائية. طورنا خلال سنتين من البحث في الجامعة وصفة مستقرة، ونريد الآن إنتاج أول دفعة صناعية مع معصرتين شريكتين في تاونات.',
    marks: [
      [3, 4],
      [4, 3],
      [3, 3],
    ],
  },
  {
    fullName: 'ⴱⵔⴰⵀⵉⵎ ⵓⴱⴻⵍⵍⴰ (Brahim Oubella)',
    email: 'brahim.oubella@candidat.test',
    locale: 'zgh',
    region: 'souss_massa',
    submittedOn: '2025-04-25',
    years: 15,
    employer: 'Managem',
    status: 'employed',
    innovation: 'disruptive',
    startOn: '2025-10-01',
    summary:
      'Drones de cartographie et modèle de vision par ordinateur pour repérer tôt le stress hydrique des arganiers du Souss, avec les coopératives de femmes qui récoltent l’argan. Le projet est ambitieux et encore au stade du prototype : un vol de test sur 200 hectares près de Tiznit.',
    // The chair believes in it, the two others much less: flagged for the session.
    marks: [
      [5, 5],
      [2, 3],
      [3, 2],
    ],
  },
  {
    fullName: 'Khadija Sqalli',
    email: 'khadija.sqalli@candidat.test',
    locale: 'fr',
    region: 'tanger_tetouan_al_hoceima',
    submittedOn: '2025-04-28',
    years: 5,
    employer: 'Renault Tanger Méditerranée',
    status: 'employed',
    innovation: 'growth',
    startOn: '2026-03-01',
    summary:
      'Application de covoiturage entre salariés des zones industrielles de Tanger, avec des trajets réguliers proposés par l’employeur et un partage des frais automatique. Le projet démarrera après un premier contrat avec un employeur de la zone franche, encore en discussion.',
    marks: [
      [2, 3],
      [3, 2],
      [2, 2],
    ],
  },
  {
    fullName: 'Othmane Lazrak',
    email: 'othmane.lazrak@candidat.test',
    locale: 'en',
    region: 'beni_mellal_khenifra',
    submittedOn: '2025-04-29',
    years: 3,
    employer: 'Inwi',
    status: 'employed',
    innovation: 'disruptive',
    startOn: '2025-06-01',
    summary:
      'An offline-first learning app for middle-school pupils in rural Beni Mellal-Khenifra: lessons and exercises sync when a phone finds a network, and teachers follow each pupil’s progress. A first version runs in two schools near Azilal with 150 pupils since October.',
  },
  {
    fullName: 'Leila Hajji',
    email: 'leila.hajji@candidat.test',
    locale: 'fr',
    region: 'guelmim_oued_noun',
    submittedOn: '2025-04-30',
    years: 11,
    employer: 'Maroc Telecom',
    status: 'resigned',
    resignedOn: '2023-09-30',
    innovation: 'growth',
    startOn: '2025-06-01',
    summary:
      'Réseau de points relais solaires dans les commerces de proximité de Guelmim pour recharger les téléphones, retirer des colis et payer des factures, géré depuis une application simple pour les commerçants. Douze boutiques pilotes sont équipées depuis l’été 2024.',
  },
]

/** The past edition: opened in February 2025, closed on 30 April 2025 at 17:00 in Casablanca. */
const OPENS_AT = DateTime.fromISO('2025-02-03T09:00', { zone: 'Africa/Casablanca' }).toUTC()
const CLOSES_AT = DateTime.fromISO('2025-04-30T17:00', { zone: 'Africa/Casablanca' }).toUTC()
const ASSIGNED_AT = DateTime.fromISO('2025-05-05T10:00', { zone: 'Africa/Casablanca' }).toUTC()
const STIPENDS_IN_ENVELOPE = 5

const at = (isoDate: string, hour: number) =>
  DateTime.fromISO(isoDate, { zone: 'Africa/Casablanca' }).set({ hour }).toUTC()

/**
 * The 2025 edition of the bourse de vie, run through the whole committee pipeline so the
 * demo shows it end to end: applications submitted and screened by the rules (two
 * ineligible), the demo committee assigned and every review submitted (aggregates, one
 * application flagged for disagreement), the award run (five awarded within an envelope
 * of five stipends, two on the reserve list, one rejected), then the answers: four
 * accepted, one declined — which promoted the first of the reserve list, whose award is
 * left for the visitor to accept (logged in as that applicant).
 *
 * The committee's steps are its own actions, run in the seed's transaction (their mails
 * leave once it commits), the reviews dated back to May 2025. Runs after
 * `seedReviewsCommittee` and `seedReviewsScoring`, and calls them again (idempotent) so
 * the new call gets the same committee and rubric. Does nothing without the programme.
 */
export async function seedReviewPipeline(client: TransactionClientContract) {
  const programme = await Programme.query({ client }).where('code', 'BOURSE-VIE').first()
  const officer = await User.query({ client }).where('email', 'officer@manassa.test').first()
  if (!programme || !officer) return
  const officerActor: Actor = { id: officer.id }

  const call = await Call.create(
    {
      programmeId: programme.id,
      title: {
        fr: 'Bourse de vie — 2025',
        ar: 'منحة العيش — 2025',
        zgh: 'ⵜⴰⵎⵓⵙⵙⵏⵜ ⵏ ⵜⵓⴷⵔⵜ — 2025',
        en: 'Living stipend — 2025',
      },
      description: {},
      blindReview: true,
      envelopeCentimes:
        STIPENDS_IN_ENVELOPE * programme.monthlyStipendCentimes! * programme.stipendMonths!,
      state: 'closed',
      opensAt: OPENS_AT,
      closesAt: CLOSES_AT,
    },
    { client }
  )
  const form = await FormVersion.create(
    {
      callId: call.id,
      version: 1,
      definition: APPLICATION_FORMS.living_grant,
      frozenAt: OPENS_AT.plus({ days: 2 }),
    },
    { client }
  )
  const ruleSet = await RuleSetVersion.create(
    {
      callId: call.id,
      version: 1,
      rules: SEEDED_RULE_SETS.living_grant({
        closingDate: '2025-04-30',
        grantCeilingCentimes: programme.grantCeilingCentimes,
      }),
      publishedAt: OPENS_AT.minus({ days: 1 }),
      publishedBy: officer.id,
    },
    { client }
  )
  await seedReviewsCommittee(client)
  await seedReviewsScoring(client)

  // Submission and screening, as SubmitApplication does it (which refuses a closed call).
  const documentBytes = await demoDocument()
  const marksOf = new Map<number, Marks>()
  const applicants = new Map<number, User>()
  for (const candidate of CANDIDATES) {
    const applicant = await User.create(
      {
        email: candidate.email,
        fullName: candidate.fullName,
        password: DEMO_PASSWORD,
        roles: ['applicant'],
        preferredLocale: candidate.locale,
        emailVerifiedAt: OPENS_AT.plus({ days: 3 }),
      },
      { client }
    )
    const submittedAt = at(candidate.submittedOn, 11)
    const application = await Application.create(
      {
        callId: call.id,
        applicantId: applicant.id,
        state: 'draft',
        answers: {},
        region: candidate.region,
        title: candidate.fullName,
      },
      { client }
    )
    const documents = {
      cv: await attachDocument(application, 'documents.cv', 'CV.pdf', documentBytes, client),
      employment_proof: await attachDocument(
        application,
        'documents.employment_proof',
        'Attestation de travail.pdf',
        documentBytes,
        client
      ),
    }
    application.answers = {
      experience: {
        years_of_experience: String(candidate.years),
        current_employer: candidate.employer,
        employment_status: candidate.status,
        resigned_on: candidate.resignedOn ?? '',
      },
      project: {
        innovation_type: candidate.innovation,
        summary: candidate.summary,
        planned_start_on: candidate.startOn,
      },
      documents: { cv: String(documents.cv), employment_proof: String(documents.employment_proof) },
    }
    // The form's own validator: the snapshot is exactly what a submission would store.
    const submittedAnswers = (await answersValidator(form.definition, 'submission').validate(
      typedAnswers(form.definition, application.answers)
    )) as FormAnswers
    application.merge({
      reference: await nextReference(REFERENCE_PREFIXES.living_grant, 2025, client),
      formVersionId: form.id,
      submittedAnswers,
      submittedAt,
    })
    const actor: Actor = { id: applicant.id }
    await applicationLifecycle.apply(application, 'submitted', {
      actor,
      client,
      metadata: { reference: application.reference, formVersion: form.version },
    })
    await screenApplication(application, call, ruleSet, actor, client)
    if (candidate.marks) marksOf.set(application.id, candidate.marks)
    applicants.set(application.id, applicant)
  }

  await new AssignReviewers().handle(call.id, officerActor, client)
  await submitReviews(call.id, marksOf, client)
  // The award run prepares the decisions; the officer looked at them and published them.
  await new AwardCall().handle(call.id, officerActor, client)
  await new PublishDecisions().handle(call.id, officerActor, client)

  // The answers: all accept but the fourth, who declines (the reserve's first is promoted).
  const awards = await Decision.query({ client })
    .where({ call_id: call.id, outcome: 'awarded' })
    .orderBy('rank')
  for (const [index, award] of awards.entries()) {
    const response = index === 3 ? 'declined' : 'accepted'
    const applicant = { id: applicants.get(award.applicationId)!.id }
    await new RespondToAward().handle(award, response, applicant, client)
  }
}

/** A one-page PDF standing for the uploaded documents (no name: the call is reviewed blind). */
async function demoDocument() {
  const pdf = await PDFDocument.create()
  const font = await pdf.embedFont(StandardFonts.Helvetica)
  pdf.addPage([595, 842]).drawText('Document de démonstration — Manassa', { x: 72, y: 760, font })
  return pdf.save({ useObjectStreams: false })
}

async function attachDocument(
  application: Application,
  fieldPath: string,
  originalName: string,
  bytes: Uint8Array,
  client: TransactionClientContract
) {
  const storageKey = `applications/${application.id}/${randomUUID()}.pdf`
  await drive.use().put(storageKey, bytes)
  client.after('rollback', () => drive.use().delete(storageKey))
  const document = await ApplicationDocument.create(
    {
      applicationId: application.id,
      fieldPath,
      originalName,
      mimeType: 'application/pdf',
      sizeBytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      storageKey,
      uploadedBy: application.applicantId,
    },
    { client }
  )
  return document.id
}

/**
 * Every review submitted by its reviewer, with the marks of their seat (chair first);
 * then the reviews and the rubric dated back to May 2025, as if done then.
 */
async function submitReviews(
  callId: number,
  marksOf: Map<number, Marks>,
  client: TransactionClientContract
) {
  const rubric = await CallRubric.query({ client }).where('call_id', callId).firstOrFail()
  const chairFirst = await client
    .from('committee_members')
    .where('call_id', callId)
    .orderByRaw("role = 'chair' DESC, user_id")
    .select('user_id')
  const seat = new Map(chairFirst.map((member, index) => [member.user_id as number, index]))
  const reviews = await Review.query({ client }).where('call_id', callId).orderBy('id')
  for (const [index, review] of reviews.entries()) {
    const [project, commitment] = marksOf.get(review.applicationId)![seat.get(review.reviewerId)!]
    const scores = {
      project: { score: project, comment: PROJECT_COMMENTS[project] },
      commitment: { score: commitment, comment: COMMITMENT_COMMENTS[commitment] },
    }
    await new SubmitReview().handle(review.id, scores, { id: review.reviewerId }, client)
    await Review.query({ client })
      .where('id', review.id)
      .update({
        created_at: ASSIGNED_AT.toJSDate(),
        due_at: ASSIGNED_AT.plus({ days: rubric.reviewDays }).toJSDate(),
        submitted_at: ASSIGNED_AT.plus({ days: 2 + (index % 9), hours: index % 5 }).toJSDate(),
      })
  }
  await CallRubric.query({ client })
    .where('id', rubric.id)
    .update({ locked_at: ASSIGNED_AT.plus({ days: 2 }).toJSDate() })
}

const PROJECT_COMMENTS: Record<number, string> = {
  2: 'Idée intéressante, mais le marché et le modèle économique restent flous.',
  3: 'Projet sérieux ; l’innovation par rapport à l’existant est à démontrer.',
  4: 'Projet solide, premiers résultats concrets, cible bien définie.',
  5: 'Projet remarquable : innovant, précis, déjà testé sur le terrain.',
}
const COMMITMENT_COMMENTS: Record<number, string> = {
  2: 'Toujours en poste sans date de départ : engagement incertain.',
  3: 'Départ prévu mais pas encore daté.',
  4: 'Calendrier de départ clair, disponibilité crédible.',
  5: 'Déjà à plein temps sur le projet.',
}
