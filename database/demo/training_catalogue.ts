import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import Institute from '#training/models/institute'
import Course from '#training/models/course'
import Cohort from '#training/models/cohort'
import CohortSession from '#training/models/cohort_session'
import type { LocalizedText } from '#core/i18n/localized_text'
import { YOUTH_COHORT_RULES } from '#database/rules/youth_cohort'

/** The demo's seeded institute (main seeder) and three more in other regions. */
const INSTITUTES = [
  { name: 'Institut Jazari Casablanca-Settat', city: 'Casablanca', region: 'casablanca_settat' },
  { name: 'Institut Jazari Souss-Massa', city: 'Agadir', region: 'souss_massa' },
  { name: "Institut Jazari de l'Oriental", city: 'Oujda', region: 'oriental' },
  { name: 'Institut Jazari Fès-Meknès', city: 'Fès', region: 'fes_meknes' },
]

interface CourseSeed {
  institute: number
  code: string
  track: 'ai' | 'data_science' | 'cloud' | 'cybersecurity'
  level: 'beginner' | 'intermediate' | 'advanced'
  language: 'fr' | 'ar' | 'zgh' | 'en'
  hours: number
  title: LocalizedText
  summary: LocalizedText
  prerequisites: LocalizedText
}

const COURSES: CourseSeed[] = [
  {
    institute: 0,
    code: 'JZ-CAS-AI-101',
    track: 'ai',
    level: 'beginner',
    language: 'fr',
    hours: 120,
    title: {
      fr: 'Introduction à l’apprentissage automatique',
      ar: 'مدخل إلى تعلم الآلة',
      zgh: 'ⴰⵙⵏⵓⴱⴳ ⵖⵔ ⵓⵍⵎⴰⴷ ⵏ ⵜⵎⴰⵛⵉⵏⵜ',
      en: 'Introduction to machine learning',
    },
    summary: {
      fr: 'Régression, classification, évaluation de modèles, avec Python et scikit-learn.',
      ar: 'الانحدار والتصنيف وتقييم النماذج باستعمال بايثون.',
      en: 'Regression, classification and model evaluation with Python and scikit-learn.',
    },
    prerequisites: {
      fr: 'Bases de Python et de statistiques.',
      ar: 'أساسيات بايثون والإحصاء.',
      en: 'Python and statistics basics.',
    },
  },
  {
    institute: 0,
    code: 'JZ-CAS-SEC-201',
    track: 'cybersecurity',
    level: 'intermediate',
    language: 'fr',
    hours: 90,
    title: {
      fr: 'Sécurité des réseaux et des applications web',
      ar: 'أمن الشبكات وتطبيقات الويب',
      en: 'Network and web application security',
    },
    summary: {
      fr: 'OWASP, durcissement, détection d’intrusion, réponse aux incidents.',
      en: 'OWASP, hardening, intrusion detection, incident response.',
    },
    prerequisites: {
      fr: 'Administration Linux, notions de réseau TCP/IP.',
      en: 'Linux administration, TCP/IP networking.',
    },
  },
  {
    institute: 1,
    code: 'JZ-AGA-DS-101',
    track: 'data_science',
    level: 'beginner',
    language: 'ar',
    hours: 100,
    title: {
      fr: 'Analyse de données pour l’agriculture',
      ar: 'تحليل البيانات في خدمة الفلاحة',
      zgh: 'ⴰⵙⵍⴹ ⵏ ⵉⵙⴼⴽⴰ ⵉ ⵜⴼⵍⵍⴰⵃⵜ',
      en: 'Data analysis for agriculture',
    },
    summary: {
      fr: 'Tableurs, SQL et visualisation appliqués aux données agricoles du Souss.',
      ar: 'الجداول وSQL والتمثيل البياني لبيانات سوس الفلاحية.',
      en: 'Spreadsheets, SQL and visualisation on Souss farm data.',
    },
    prerequisites: {},
  },
  {
    institute: 1,
    code: 'JZ-AGA-AI-301',
    track: 'ai',
    level: 'advanced',
    language: 'en',
    hours: 160,
    title: {
      fr: 'Apprentissage profond et vision par ordinateur',
      ar: 'التعلم العميق والرؤية الحاسوبية',
      en: 'Deep learning and computer vision',
    },
    summary: {
      fr: 'Réseaux convolutifs, transfert d’apprentissage, déploiement.',
      en: 'Convolutional networks, transfer learning, deployment.',
    },
    prerequisites: {
      fr: 'Apprentissage automatique, algèbre linéaire.',
      en: 'Machine learning, linear algebra.',
    },
  },
  {
    institute: 2,
    code: 'JZ-OUJ-CLD-101',
    track: 'cloud',
    level: 'beginner',
    language: 'fr',
    hours: 80,
    title: {
      fr: 'Fondamentaux du cloud',
      ar: 'أساسيات الحوسبة السحابية',
      en: 'Cloud fundamentals',
    },
    summary: {
      fr: 'Calcul, stockage, réseau et coûts chez les grands fournisseurs.',
      en: 'Compute, storage, networking and costs across major providers.',
    },
    prerequisites: {},
  },
  {
    institute: 2,
    code: 'JZ-OUJ-CLD-201',
    track: 'cloud',
    level: 'intermediate',
    language: 'ar',
    hours: 100,
    title: {
      fr: 'Conteneurs et Kubernetes',
      ar: 'الحاويات وكوبرنيتيس',
      en: 'Containers and Kubernetes',
    },
    summary: {
      fr: 'Docker, orchestration, observabilité.',
      ar: 'دوكر، التنسيق، المراقبة.',
      en: 'Docker, orchestration, observability.',
    },
    prerequisites: {
      fr: 'Ligne de commande Linux.',
      ar: 'سطر أوامر لينكس.',
      en: 'Linux command line.',
    },
  },
  {
    institute: 3,
    code: 'JZ-FES-DS-201',
    track: 'data_science',
    level: 'intermediate',
    language: 'zgh',
    hours: 110,
    title: {
      fr: 'Statistiques appliquées et tableaux de bord',
      ar: 'الإحصاء التطبيقي ولوحات القيادة',
      zgh: 'ⵜⵉⵙⵏⴰⴽⵜ ⵜⵉⵙⵏⵙⵉⵔⵉⵏ',
      en: 'Applied statistics and dashboards',
    },
    summary: {
      fr: 'Inférence, tests, tableaux de bord pour les collectivités.',
      en: 'Inference, testing, dashboards for local authorities.',
    },
    prerequisites: {
      fr: 'Mathématiques niveau baccalauréat.',
      en: 'Baccalaureate-level mathematics.',
    },
  },
  {
    institute: 3,
    code: 'JZ-FES-SEC-101',
    track: 'cybersecurity',
    level: 'beginner',
    language: 'en',
    hours: 60,
    title: {
      fr: 'Hygiène numérique et sécurité des PME',
      ar: 'السلامة الرقمية وأمن المقاولات الصغرى',
      en: 'Digital hygiene and SME security',
    },
    summary: {
      fr: 'Mots de passe, sauvegardes, hameçonnage, plans de continuité.',
      en: 'Passwords, backups, phishing, continuity plans.',
    },
    prerequisites: {},
  },
]

/**
 * Demo training catalogue: the seeded Casablanca-Settat institute and three more, two
 * courses each across all tracks, and their cohorts (open ones with sessions, some
 * merit-selected with rules, one draft). Runs in the caller's transaction.
 */
export async function seedTrainingCatalogue(client: TransactionClientContract) {
  const institutes: Institute[] = []
  for (const attributes of INSTITUTES) {
    const existing = await Institute.query({ client }).where('name', attributes.name).first()
    institutes.push(existing ?? (await Institute.create(attributes, { client })))
  }

  const today = DateTime.utc().startOf('day')
  for (const [index, seed] of COURSES.entries()) {
    const institute = institutes[seed.institute]
    const course = await Course.create(
      {
        instituteId: institute.id,
        code: seed.code,
        title: seed.title,
        summary: seed.summary,
        track: seed.track,
        level: seed.level,
        language: seed.language,
        prerequisites: seed.prerequisites,
        attendanceThreshold: 80,
        hours: seed.hours,
      },
      { client }
    )
    // Two cohorts per course, staggered so the catalogue spans several months.
    for (const round of [0, 1]) {
      const startsOn = today.plus({ days: 30 + index * 9 + round * 75 })
      const merit = (index + round) % 3 === 0
      const cohort = await Cohort.create(
        {
          courseId: course.id,
          instituteId: institute.id,
          state: index === 7 && round === 1 ? 'draft' : 'open',
          startsOn,
          endsOn: startsOn.plus({ weeks: 8 }),
          enrolmentClosesAt: startsOn.minus({ days: 10 }).set({ hour: 17 }),
          capacity: [20, 24, 30, 16][(index + round) % 4],
          seatsTaken: 0,
          mode: (index + round) % 2 === 0 ? 'on_site' : 'online',
          selection: merit ? 'merit' : 'fcfs',
          eligibilityRules: merit || index % 2 === 0 ? YOUTH_COHORT_RULES : null,
        },
        { client }
      )
      for (let week = 0; week < 8; week++) {
        const startsAt = startsOn.plus({ weeks: week }).set({ hour: 9 })
        await CohortSession.create(
          {
            cohortId: cohort.id,
            startsAt,
            endsAt: startsAt.plus({ hours: 3 }),
            topic: { fr: `Séance ${week + 1}`, ar: `الحصة ${week + 1}`, en: `Session ${week + 1}` },
          },
          { client }
        )
      }
    }
  }
}
