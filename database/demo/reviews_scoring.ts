import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Call from '#programmes/models/call'
import CallRubric from '#reviews/models/call_rubric'
import type { RubricCriterion } from '#reviews/rubric'

type Kind = 'startup_offer' | 'living_grant' | 'vc_call'

const criterion = (
  key: string,
  weight: number,
  label: RubricCriterion['label'],
  guidance: RubricCriterion['guidance']
): RubricCriterion => ({ key, weight, label, guidance })

/** The demo rubric of each kind of call, in the four languages. */
const RUBRICS: Record<Kind, { scaleMax: number; blind: boolean; criteria: RubricCriterion[] }> = {
  startup_offer: {
    scaleMax: 5,
    blind: false,
    criteria: [
      criterion(
        'innovation',
        3,
        { fr: 'Innovation', ar: 'الابتكار', zgh: 'ⴰⵙⵏⴼⵍⵓⵍ', en: 'Innovation' },
        {
          fr: 'La solution est-elle nouvelle au Maroc, et difficile à copier ?',
          ar: 'هل الحل جديد في المغرب وصعب التقليد؟',
          zgh: 'ⵉⵙ ⵜⴰⵙⵏⵜⵉⵍⵜ ⵜⴰⵎⴰⵢⵏⵓⵜ ⴳ ⵍⵎⵖⵔⵉⴱ?',
          en: 'Is the solution new in Morocco, and hard to copy?',
        }
      ),
      criterion(
        'team',
        3,
        { fr: 'Équipe', ar: 'الفريق', zgh: 'ⵜⴰⵔⴱⴰⵄⵜ', en: 'Team' },
        {
          fr: "L'équipe a-t-elle les compétences pour livrer ?",
          ar: 'هل يملك الفريق الكفاءات اللازمة للإنجاز؟',
          zgh: 'ⵉⵙ ⵖⵓⵔ ⵜⵔⴱⴰⵄⵜ ⵜⵉⵣⵎⵔⵜ ⵏ ⵓⵙⴽⴰⵔ?',
          en: 'Does the team have the skills to deliver?',
        }
      ),
      criterion(
        'market',
        2,
        { fr: 'Marché et traction', ar: 'السوق والجاذبية', zgh: 'ⴰⵙⵓⵇ', en: 'Market and traction' },
        {
          fr: 'Des clients paient-ils déjà, ou des signes sérieux le montrent-ils ?',
          ar: 'هل هناك زبائن يدفعون أو مؤشرات جدية على ذلك؟',
          zgh: 'ⵉⵙ ⵍⵍⴰⵏ ⵉⵎⵙⵖⴰⵢⵏ ⵉ ⵢⵅⵍⵍⵚⵏ?',
          en: 'Do customers already pay, or are there serious signs they will?',
        }
      ),
      criterion(
        'funding_use',
        1,
        { fr: 'Usage des fonds', ar: 'استعمال التمويل', zgh: 'ⴰⵙⵎⵔⵙ ⵏ ⵓⵙⵡⵉⵔ', en: 'Use of funds' },
        {
          fr: 'Le budget est-il réaliste et lié aux jalons ?',
          ar: 'هل الميزانية واقعية ومرتبطة بالمراحل؟',
          zgh: 'ⵉⵙ ⵜⴰⵙⵎⵓⵏⵜ ⵜⴻⵜⵜⵓⵙⵎⵓⵜⵜⴳ?',
          en: 'Is the budget realistic and tied to milestones?',
        }
      ),
    ],
  },
  living_grant: {
    scaleMax: 5,
    // Individuals apply: reviewers judge the project, not the person's name.
    blind: true,
    criteria: [
      criterion(
        'project',
        2,
        { fr: 'Projet', ar: 'المشروع', zgh: 'ⴰⵙⵏⴼⴰⵔ', en: 'Project' },
        {
          fr: 'Le projet est-il innovant et précis ?',
          ar: 'هل المشروع مبتكر ودقيق؟',
          zgh: 'ⵉⵙ ⴰⵙⵏⴼⴰⵔ ⴷ ⴰⵎⴰⵢⵏⵓ?',
          en: 'Is the project innovative and precise?',
        }
      ),
      criterion(
        'commitment',
        1,
        { fr: 'Engagement', ar: 'الالتزام', zgh: 'ⴰⵙⵖⵓⵍ', en: 'Commitment' },
        {
          fr: 'La personne peut-elle s’y consacrer à plein temps pendant la bourse ?',
          ar: 'هل يستطيع الشخص التفرغ للمشروع طوال مدة المنحة؟',
          zgh: 'ⵉⵙ ⵉⵣⵎⵔ ⵓⴼⵔⴷ ⴰⴷ ⵉⵅⴷⵎ ⵎⴰⵕⵕⴰ ⴰⴽⵓⴷ?',
          en: 'Can the person work on it full time during the grant?',
        }
      ),
    ],
  },
  vc_call: {
    scaleMax: 10,
    blind: false,
    criteria: [
      criterion(
        'track_record',
        3,
        { fr: 'Historique de performance', ar: 'سجل الأداء', zgh: 'ⴰⵎⵣⵔⵓⵢ', en: 'Track record' },
        {
          fr: 'TVPI et DPI des fonds précédents, comparés à leur millésime.',
          ar: 'مؤشرات TVPI وDPI للصناديق السابقة مقارنة بسنة إطلاقها.',
          zgh: 'TVPI ⴷ DPI ⵏ ⵉⵙⵏⴷⵓⵇⵏ ⵉⵣⵔⵉⵏ.',
          en: 'TVPI and DPI of previous funds, against their vintage.',
        }
      ),
      criterion(
        'strategy',
        2,
        { fr: 'Stratégie', ar: 'الاستراتيجية', zgh: 'ⵜⴰⵙⵜⵔⴰⵜⵉⵊⵉⵜ', en: 'Strategy' },
        {
          fr: 'Part investie au Maroc, stades et secteurs visés.',
          ar: 'الحصة المستثمرة في المغرب والمراحل والقطاعات المستهدفة.',
          zgh: 'ⴰⵎⵓⵔ ⵏ ⵍⵎⵖⵔⵉⴱ, ⵉⴼⵔⴷⵉⵙⵏ ⴷ ⵉⴳⵣⵣⵓⵎⵏ.',
          en: 'Share invested in Morocco, target stages and sectors.',
        }
      ),
      criterion(
        'terms',
        1,
        { fr: 'Conditions', ar: 'الشروط', zgh: 'ⵜⵉⵡⵜⵉⵍⵉⵏ', en: 'Terms' },
        {
          fr: 'Frais de gestion et carried interest dans les normes du marché.',
          ar: 'رسوم الإدارة والعمولة ضمن معايير السوق.',
          zgh: 'ⵜⵉⵙⵖⴰⵍ ⵏ ⵜⵏⴱⴰⴹⵜ ⴳ ⵜⵏⴰⴹⵉⵏ ⵏ ⵓⵙⵓⵇ.',
          en: 'Management fee and carried interest within market norms.',
        }
      ),
    ],
  },
}

/**
 * A rubric on each demo call of the three application programmes (the living grant's is
 * reviewed blind). Idempotent: a call that already has a rubric keeps it.
 */
export async function seedReviewsScoring(client: TransactionClientContract) {
  const calls = await Call.query({ client })
    .preload('programme')
    .whereHas('programme', (programme) =>
      programme.whereIn('kind', ['startup_offer', 'living_grant', 'vc_call'])
    )
  for (const call of calls) {
    const existing = await CallRubric.query({ client }).where('call_id', call.id).first()
    if (existing) continue
    const demo = RUBRICS[call.programme.kind as Kind]
    await CallRubric.create(
      {
        callId: call.id,
        criteria: demo.criteria,
        scaleMax: demo.scaleMax,
        reviewsPerApplication: 3,
        reviewDays: 14,
        disagreementThreshold: 15,
        awardThreshold: 60,
      },
      { client }
    )
    if (demo.blind && !call.blindReview) {
      call.blindReview = true
      await call.useTransaction(client).save()
    }
  }
}
