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
import { assignReviewers, tagsFromAnswers } from '#reviews/assignment'
import { conflictCandidates, storeDetectedConflicts } from '#reviews/committee_records'
import { reviewLifecycle, type ReviewState } from '#reviews/review_lifecycle'
import { checkScores, draftScores, weightedScore } from '#reviews/rubric'
import { RecomputeAggregates } from '#reviews/actions/recompute_aggregates'
import { awardAmountFor } from '#reviews/award_amounts'
import { rank, selectWithinEnvelope } from '#reviews/ranking'
import { awardThresholdOf, scoredApplications } from '#reviews/ranking_candidates'
import {
  BELOW_THRESHOLD_REASON,
  STANDARD_CONDITIONS,
  availableCentimes,
  lockApplication,
  lockApplications,
  lockCall,
  moveApplicationTo,
  moveCommitted,
  nextReservePosition,
  promoteFromReserve,
} from '#reviews/award_budget'
import { recordAudit } from '#core/audit/audit_trail'
import type { Actor } from '#core/audit/actor'
import { APPLICATION_FORMS } from '#database/forms/index'
import { SEEDED_RULE_SETS } from '#database/rules/index'
import { DEMO_PASSWORD } from '#database/seeders/main_seeder'
import { seedReviewsCommittee } from '#database/seeders/demo/reviews_committee'
import { seedReviewsScoring } from '#database/seeders/demo/reviews_scoring'

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
 * The committee's actions each open their own transaction, which would not see this
 * uncommitted seed; so each step is done here with the very pieces they are made of
 * (lifecycles, conflict detection, assignment, rubric, aggregation, ranking, budget),
 * in the caller's transaction, with the same audit entries and ledger. Runs after
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

  await assignCommittee(call.id, officerActor, client)
  await submitReviews(call.id, marksOf, client)
  const awards = await runAwards(call.id, officerActor, client)

  // The answers: all accept but the fourth, who declines (the reserve's first is promoted).
  for (const [index, award] of awards.entries()) {
    const response = index === 3 ? 'declined' : 'accepted'
    await respondToAward(award, response, { id: applicants.get(award.applicationId)!.id }, client)
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

/** The assignment run of AssignReviewers, on a call that has no review yet. */
async function assignCommittee(callId: number, actor: Actor, client: TransactionClientContract) {
  const rubric = await CallRubric.query({ client }).where('call_id', callId).firstOrFail()
  const members = await client
    .from('committee_members')
    .where('call_id', callId)
    .select('user_id', 'expertise')
    .orderBy('user_id')
  const applications = await conflictCandidates(client)
    .where('a.call_id', callId)
    .where('a.state', 'eligible')
    .select('a.submitted_answers')
    .orderBy('a.id')
  const conflictsDetected = await storeDetectedConflicts(
    callId,
    applications,
    members.map((member) => member.user_id),
    client
  )
  const conflicts = await client
    .from('review_conflicts')
    .where('call_id', callId)
    .select('reviewer_id as reviewerId', 'application_id as applicationId')
    .select('organization_id as organizationId')
  const result = assignReviewers({
    applications: applications.map((application) => ({
      id: application.id,
      organizationId: application.organizationId,
      tags: tagsFromAnswers(application.submitted_answers),
    })),
    reviewers: members.map((member) => ({ id: member.user_id, expertise: member.expertise })),
    conflicts,
    k: rubric.reviewsPerApplication,
  })
  const dueAt = ASSIGNED_AT.plus({ days: rubric.reviewDays }).toJSDate()
  await client.table('reviews').multiInsert(
    result.assignments.map(({ applicationId, reviewerId }) => ({
      call_id: callId,
      application_id: applicationId,
      reviewer_id: reviewerId,
      state: 'assigned',
      assigned_by: null,
      due_at: dueAt,
      created_at: ASSIGNED_AT.toJSDate(),
      updated_at: ASSIGNED_AT.toJSDate(),
    }))
  )
  const moved = await Application.query({ client })
    .whereIn(
      'id',
      result.assignments.map((assignment) => assignment.applicationId)
    )
    .orderBy('id')
  for (const application of moved) {
    await applicationLifecycle.apply(application, 'in_review', {
      actor,
      client,
      reason: 'reviewers_assigned',
    })
  }
  await recordAudit(
    {
      actor,
      action: 'call.reviewers_assigned',
      subjectType: 'call',
      subjectId: callId,
      metadata: {
        assigned: result.assignments.length,
        moved: moved.length,
        shortfalls: result.shortfalls.length,
        conflictsDetected,
        withdrawn: 0,
        k: rubric.reviewsPerApplication,
      },
    },
    client
  )
}

/** Every review submitted as SubmitReview does, the aggregates recomputed once at the end. */
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
  const reviews = await Review.query({ client }).where('call_id', callId).orderBy('id').forUpdate()
  for (const [index, review] of reviews.entries()) {
    const [project, commitment] = marksOf.get(review.applicationId)![seat.get(review.reviewerId)!]
    const scores = draftScores(rubric.criteria, {
      project: { score: project, comment: PROJECT_COMMENTS[project] },
      commitment: { score: commitment, comment: COMMITMENT_COMMENTS[commitment] },
    })
    const problems = checkScores(rubric.criteria, rubric.scaleMax, scores)
    if (problems.length) throw new Error(`Demo review ${review.id}: ${JSON.stringify(problems)}`)
    review.scores = scores
    review.weightedScore = weightedScore(rubric.criteria, rubric.scaleMax, scores)
    review.submittedAt = ASSIGNED_AT.plus({ days: 2 + (index % 9), hours: index % 5 })
    await reviewLifecycle.apply(review as Review & { state: ReviewState }, 'submitted', {
      actor: { id: review.reviewerId },
      client,
      metadata: { weightedScore: review.weightedScore },
    })
  }
  rubric.lockedAt = ASSIGNED_AT.plus({ days: 2 })
  await rubric.useTransaction(client).save()
  await new RecomputeAggregates().handle(callId, rubric.disagreementThreshold, client)
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

/** The award run of AwardCall on a call where nothing is decided yet; the awards in rank order. */
async function runAwards(callId: number, actor: Actor, client: TransactionClientContract) {
  const { call, programme } = await lockCall(callId, client)
  const threshold = await awardThresholdOf(callId, client)
  const scored = await scoredApplications(callId, programme.kind, client)
  const applications = await lockApplications(
    scored.map((item) => item.applicationId),
    client
  )
  const candidates = scored.map((item) => ({
    ...item,
    amountCentimes: awardAmountFor(programme, item.requestedMad),
  }))
  const { ranked, below } = rank(candidates, threshold)
  const { awarded, reserve } = selectWithinEnvelope(ranked, availableCentimes(call))
  let reservePosition = await nextReservePosition(callId, client)
  const awards: Decision[] = []
  const decide = (
    candidate: (typeof candidates)[number] & { rank?: number },
    fields: Partial<Decision>
  ) =>
    Decision.create(
      {
        callId,
        applicationId: candidate.applicationId,
        finalScore: candidate.finalScore,
        rank: candidate.rank ?? null,
        conditions: [],
        reasons: [],
        decidedBy: actor.id!,
        ...fields,
      },
      { client }
    )

  for (const candidate of awarded) {
    const decision = await decide(candidate, {
      outcome: 'awarded',
      amountCentimes: candidate.amountCentimes,
      conditions: STANDARD_CONDITIONS,
    })
    await moveApplicationTo(applications.get(candidate.applicationId)!, 'awarded', actor, client)
    await moveCommitted(call, 'commit', candidate.amountCentimes, decision.id, actor, client)
    awards.push(decision)
  }
  for (const candidate of reserve) {
    await decide(candidate, { outcome: 'waitlisted', reservePosition: reservePosition++ })
    await moveApplicationTo(applications.get(candidate.applicationId)!, 'waitlisted', actor, client)
  }
  for (const candidate of below) {
    await decide(candidate, { outcome: 'rejected', reasons: [BELOW_THRESHOLD_REASON] })
    await moveApplicationTo(
      applications.get(candidate.applicationId)!,
      'rejected',
      actor,
      client,
      BELOW_THRESHOLD_REASON
    )
  }
  await recordAudit(
    {
      actor,
      action: 'call.award_run',
      subjectType: 'call',
      subjectId: callId,
      metadata: {
        awarded: awarded.length,
        waitlisted: reserve.length,
        rejected: below.length,
        committedCentimes: call.committedCentimes,
      },
    },
    client
  )
  return awards
}

/** RespondToAward: a decline releases the amount and promotes the reserve list. */
async function respondToAward(
  award: Decision,
  response: 'accepted' | 'declined',
  actor: Actor,
  client: TransactionClientContract
) {
  const { call, programme } = await lockCall(award.callId, client)
  award.merge({ response, respondedAt: DateTime.utc() })
  await award.useTransaction(client).save()
  if (response === 'accepted') return
  const application = await lockApplication(award.applicationId, client)
  await applicationLifecycle.apply(application, 'declined', { actor, client })
  await moveCommitted(call, 'release', award.amountCentimes!, award.id, actor, client)
  await promoteFromReserve(call, programme, actor, client)
}
