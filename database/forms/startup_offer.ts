import type { FormDefinition } from '#programmes/forms/form_definition'
import { PDF, REGION_OPTIONS, SECTOR_OPTIONS, STAGE_OPTIONS } from '#database/forms/options'

/**
 * Application form of a Startup Maroc offer (DESIGN §3): the startup, its team,
 * project, traction, the grant requested and a pitch deck. Eligibility and scoring
 * rules point at these paths (`startup.founded_on`, `team.founders`, `startup.region`),
 * so keys are renamed only with a new form version.
 */
export const startupOfferForm: FormDefinition = {
  sections: [
    {
      key: 'startup',
      title: {
        fr: 'Profil de la startup',
        ar: 'ملف المقاولة الناشئة',
        zgh: 'ⵜⵉⵏⵖⵎⵉⵙⵉⵏ ⵏ ⵙⵜⴰⵔⵜⴰⴱ',
        en: 'Startup profile',
      },
      fields: [
        {
          key: 'name',
          type: 'text',
          identifying: true,
          label: {
            fr: 'Nom de la startup',
            ar: 'اسم المقاولة الناشئة',
            zgh: 'ⵉⵙⵎ ⵏ ⵙⵜⴰⵔⵜⴰⴱ',
            en: 'Startup name',
          },
          hint: {
            fr: 'Nom commercial, tel qu’inscrit au registre du commerce le cas échéant.',
            ar: 'الاسم التجاري كما هو مسجل في السجل التجاري عند الاقتضاء.',
            zgh: 'ⵉⵙⵎ ⴰⵙⴱⴱⴰⴱ, ⵎⴰⵎⴽ ⵉⵍⵍⴰ ⴳ ⵓⵙⵊⵊⵍ ⵏ ⵜⵙⴱⴱⴰⴱⵜ ⵎⴽ ⵉⵍⵍⴰ.',
            en: 'Trade name, as entered in the trade register if any.',
          },
          required: true,
          minLength: 2,
          maxLength: 200,
        },
        {
          key: 'legal_form',
          type: 'select',
          label: {
            fr: 'Forme juridique',
            ar: 'الشكل القانوني',
            zgh: 'ⵜⴰⵍⵖⴰ ⵜⴰⵣⵔⴼⴰⵏⵜ',
            en: 'Legal form',
          },
          required: true,
          options: [
            {
              value: 'sarl',
              label: {
                fr: 'SARL (société à responsabilité limitée)',
                ar: 'شركة ذات مسؤولية محدودة (SARL)',
                zgh: 'ⵜⴰⴽⵓⴱⴱⴰⵏⵉⵜ ⵙ ⵜⵎⴰⵏⴰⵡⵜ ⵜⴰⵎⵃⴷⵓⴷⵜ (SARL)',
                en: 'Limited liability company (SARL)',
              },
            },
            {
              value: 'sarl_au',
              label: {
                fr: 'SARL AU (associé unique)',
                ar: 'شركة ذات مسؤولية محدودة بشريك وحيد (SARL AU)',
                zgh: 'ⵜⴰⴽⵓⴱⴱⴰⵏⵉⵜ ⵙ ⵜⵎⴰⵏⴰⵡⵜ ⵜⴰⵎⵃⴷⵓⴷⵜ ⵙ ⵢⴰⵏ ⵓⵎⴷⴷⴰⴽⵍ (SARL AU)',
                en: 'Single-member limited liability company (SARL AU)',
              },
            },
            {
              value: 'sa',
              label: {
                fr: 'SA (société anonyme)',
                ar: 'شركة مساهمة (SA)',
                zgh: 'ⵜⴰⴽⵓⴱⴱⴰⵏⵉⵜ ⵙ ⵉⴼⵔⴷⵉⵙⵏ (SA)',
                en: 'Public limited company (SA)',
              },
            },
            {
              value: 'sas',
              label: {
                fr: 'SAS (société par actions simplifiée)',
                ar: 'شركة المساهمة المبسطة (SAS)',
                zgh: 'ⵜⴰⴽⵓⴱⴱⴰⵏⵉⵜ ⵙ ⵉⴼⵔⴷⵉⵙⵏ ⵜⴰⴼⵙⵙⴰⵙⵜ (SAS)',
                en: 'Simplified joint-stock company (SAS)',
              },
            },
            {
              value: 'auto_entrepreneur',
              label: {
                fr: 'Auto-entrepreneur',
                ar: 'مقاول ذاتي',
                zgh: 'ⴰⵎⵙⵡⵓⵔⵉ ⵉ ⵉⵎⴰⵏⵏⵙ (auto-entrepreneur)',
                en: 'Auto-entrepreneur (self-employed)',
              },
            },
            {
              value: 'not_registered',
              label: {
                fr: 'Pas encore immatriculée',
                ar: 'غير مسجلة بعد',
                zgh: 'ⵓⵔ ⵙⵓⵍ ⵜⵜⵓⵙⵊⵊⵍ',
                en: 'Not yet registered',
              },
            },
          ],
        },
        {
          key: 'founded_on',
          type: 'date',
          label: {
            fr: 'Date de création',
            ar: 'تاريخ الإنشاء',
            zgh: 'ⴰⵙⴰⴽⵓⴷ ⵏ ⵓⵙⵏⵓⵍⴼⵓ',
            en: 'Date of creation',
          },
          hint: {
            fr: 'Date d’immatriculation ; à défaut, date de démarrage du projet.',
            ar: 'تاريخ التسجيل، أو تاريخ انطلاق المشروع إن لم تكن المقاولة مسجلة بعد.',
            zgh: 'ⴰⵙⴰⴽⵓⴷ ⵏ ⵓⵙⵊⵊⵍ; ⵎⴽ ⵓⵔ ⵙⵓⵍ ⵜⵜⵓⵙⵊⵊⵍ, ⴰⵙⴰⴽⵓⴷ ⵏ ⵓⵙⵏⵜⵉ ⵏ ⵓⵙⵏⴼⴰⵔ.',
            en: 'Registration date; if not yet registered, the date the project started.',
          },
          required: true,
        },
        {
          key: 'region',
          type: 'select',
          label: { fr: 'Région', ar: 'الجهة', zgh: 'ⵜⴰⵙⴳⴰ', en: 'Region' },
          hint: {
            fr: 'Région du siège.',
            ar: 'جهة المقر الاجتماعي.',
            zgh: 'ⵜⴰⵙⴳⴰ ⵏ ⵓⵏⵙⴰ ⴰⴳⵊⴷⴰⵏ.',
            en: 'Region of the head office.',
          },
          required: true,
          options: REGION_OPTIONS,
        },
        {
          key: 'sector',
          type: 'select',
          label: { fr: 'Secteur', ar: 'القطاع', zgh: 'ⴰⴳⵣⵣⵓⵎ', en: 'Sector' },
          required: true,
          options: SECTOR_OPTIONS,
        },
        {
          key: 'stage',
          type: 'select',
          label: {
            fr: 'Stade de développement',
            ar: 'مرحلة التطور',
            zgh: 'ⴰⵙⵡⵉⵔ ⵏ ⵓⵙⵏⴼⵍⵉ',
            en: 'Stage of development',
          },
          hint: {
            fr: 'Idéation : idée ou prototype ; amorçage : premiers clients ; croissance : chiffre d’affaires récurrent ; levée de fonds : tour d’investissement en cours.',
            ar: 'بلورة الفكرة: فكرة أو نموذج أولي؛ الانطلاق: الزبناء الأوائل؛ النمو: رقم معاملات منتظم؛ جمع التمويل: جولة استثمار جارية.',
            zgh: 'ⵜⴰⵡⵏⴳⵉⵎⵜ: ⵜⴰⵡⵏⴳⵉⵎⵜ ⵏⵖ ⴰⵎⴷⵢⴰ ⴰⵎⵣⵡⴰⵔⵓ; ⴰⵙⵏⵜⵉ: ⵉⵎⵙⴰⵖⵏ ⵉⵎⵣⵡⵓⵔⴰ; ⴰⵙⵎⵖⵓⵔ: ⵉⴷⵔⵉⵎⵏ ⵉⴽⵛⵎⵏ ⴽⵓ ⴰⵢⵢⵓⵔ; ⴰⵙⵎⵓⵏ ⵏ ⵜⴷⵔⴰⵎⵜ: ⵜⵓⵜⵜⵔⴰ ⵏ ⵓⵙⵙⴽⵛⵎ ⵏ ⵢⵉⴷⵔⵉⵎⵏ ⴳ ⵓⴱⵔⵉⴷ.',
            en: 'Ideation: idea or prototype; early stage: first customers; growth: recurring revenue; fundraising: investment round under way.',
          },
          required: true,
          options: STAGE_OPTIONS,
        },
      ],
    },
    {
      key: 'team',
      title: { fr: 'Équipe', ar: 'الفريق', zgh: 'ⵜⴰⵔⴱⴰⵄⵜ', en: 'Team' },
      fields: [
        {
          key: 'founders',
          type: 'group',
          label: {
            fr: 'Fondatrices et fondateurs',
            ar: 'المؤسِّسات والمؤسِّسون',
            zgh: 'ⵉⵎⵙⵏⵓⵍⴼⴰ',
            en: 'Founders',
          },
          hint: {
            fr: 'Une ligne par personne fondatrice (8 au plus).',
            ar: 'سطر لكل مؤسِّس أو مؤسِّسة (8 على الأكثر).',
            zgh: 'ⵢⴰⵏ ⵓⵣⵔⵉⵔⴳ ⵉ ⴽⵓ ⴰⵎⵙⵏⵓⵍⴼⵓ (8 ⵏⵖ ⴷⵔⵓⵙ).',
            en: 'One line per founder (at most 8).',
          },
          required: true,
          minItems: 1,
          maxItems: 8,
          fields: [
            {
              key: 'full_name',
              type: 'text',
              identifying: true,
              label: {
                fr: 'Nom complet',
                ar: 'الاسم الكامل',
                zgh: 'ⵉⵙⵎ ⴷ ⵢⵉⵙⵎ ⵏ ⵜⵡⵊⴰ',
                en: 'Full name',
              },
              required: true,
              maxLength: 200,
            },
            {
              key: 'role',
              type: 'text',
              label: {
                fr: 'Fonction dans la startup',
                ar: 'المهمة داخل المقاولة',
                zgh: 'ⵜⴰⵡⵓⵔⵉ ⴳ ⵙⵜⴰⵔⵜⴰⴱ',
                en: 'Role in the startup',
              },
              hint: {
                fr: 'Par ex. CEO, CTO, responsable commercial.',
                ar: 'مثل: المدير العام، المدير التقني، المسؤول التجاري.',
                zgh: 'ⵙ ⵓⵎⴷⵢⴰ: CEO, CTO, ⴰⵏⵎⵀⴰⵍ ⵏ ⵜⵙⴱⴱⴰⴱⵜ.',
                en: 'E.g. CEO, CTO, head of sales.',
              },
              required: true,
              maxLength: 120,
            },
            {
              key: 'experience_years',
              type: 'number',
              label: {
                fr: 'Années d’expérience professionnelle',
                ar: 'سنوات الخبرة المهنية',
                zgh: 'ⵉⵙⴳⴳⵯⴰⵙⵏ ⵏ ⵜⵔⵎⵉⵜ ⵜⴰⵎⵙⵡⵓⵔⵉⵜ',
                en: 'Years of professional experience',
              },
              required: true,
              min: 0,
              max: 60,
            },
            {
              key: 'gender',
              type: 'select',
              label: {
                fr: 'Genre',
                ar: 'الجنس',
                zgh: 'ⴰⵏⴰⵡ (ⵜⴰⵎⵟⵟⵓⵜ / ⴰⵔⴳⴰⵣ)',
                en: 'Gender',
              },
              hint: {
                fr: 'Facultatif : sert aux statistiques d’inclusion du programme.',
                ar: 'اختياري: يُستعمل لإحصاءات الإدماج الخاصة بالبرنامج.',
                zgh: 'ⵓⵔ ⵉⵇⵇⵉⵏ: ⵉⵜⵜⵓⵙⵎⵔⴰⵙ ⵉ ⵜⵙⵏⵎⴹⴰⵏⵜ ⵏ ⵓⵙⵏⴽⵛⵎ ⴳ ⵓⵖⴰⵡⴰⵙ.',
                en: 'Optional: used for the programme’s inclusion statistics.',
              },
              options: [
                {
                  value: 'female',
                  label: { fr: 'Femme', ar: 'امرأة', zgh: 'ⵜⴰⵎⵟⵟⵓⵜ', en: 'Woman' },
                },
                { value: 'male', label: { fr: 'Homme', ar: 'رجل', zgh: 'ⴰⵔⴳⴰⵣ', en: 'Man' } },
                {
                  value: 'undisclosed',
                  label: {
                    fr: 'Préfère ne pas répondre',
                    ar: 'أفضّل عدم الإجابة',
                    zgh: 'ⵓⵔ ⵔⵉⵖ ⴰⴷ ⵔⴰⵔⵖ',
                    en: 'Prefer not to say',
                  },
                },
              ],
            },
          ],
        },
      ],
    },
    {
      key: 'project',
      title: { fr: 'Projet', ar: 'المشروع', zgh: 'ⴰⵙⵏⴼⴰⵔ', en: 'Project' },
      fields: [
        {
          key: 'innovation',
          type: 'long_text',
          label: { fr: 'Innovation', ar: 'الابتكار', zgh: 'ⴰⵙⵎⴰⵢⵏⵓ', en: 'Innovation' },
          hint: {
            fr: 'Le problème résolu, votre solution et ce qui la distingue de l’existant.',
            ar: 'المشكلة التي تعالجونها، والحل الذي تقترحونه، وما يميزه عن الحلول الموجودة.',
            zgh: 'ⵜⴰⵎⵓⴽⵔⵉⵙⵜ ⵏⵏⴰ ⵜⵙⴼⵙⵉⴷ, ⵜⴰⴼⵙⵙⵉ ⵏⵏⴽ ⴷ ⵎⴰⵎⴽ ⵜⵎⵣⴰⵔⴰⵢ ⴷ ⵜⵉⵏⵏⴰ ⵉⵍⵍⴰⵏ.',
            en: 'The problem you solve, your solution and what sets it apart from what exists.',
          },
          required: true,
          minLength: 100,
          maxLength: 4000,
        },
        {
          key: 'market',
          type: 'long_text',
          label: { fr: 'Marché', ar: 'السوق', zgh: 'ⴰⵙⵡⴰⵇ', en: 'Market' },
          hint: {
            fr: 'Clients visés, taille du marché au Maroc et à l’export, concurrents.',
            ar: 'الزبناء المستهدفون، وحجم السوق في المغرب وخارجه، والمنافسون.',
            zgh: 'ⵉⵎⵙⴰⵖⵏ ⵉⵜⵜⵓⵙⵉⴳⴳⵍⵏ, ⵜⵉⴷⴷⵉ ⵏ ⵓⵙⵡⴰⵇ ⴳ ⵍⵎⵖⵔⵉⴱ ⴷ ⴱⵕⵕⴰ ⵏⵏⵙ, ⴷ ⵜⴽⵓⴱⴱⴰⵏⵉⵢⵉⵏ ⵢⴰⴹⵏ ⴳ ⵓⵙⵡⴰⵇ ⴰⴷ.',
            en: 'Target customers, market size in Morocco and abroad, competitors.',
          },
          required: true,
          minLength: 100,
          maxLength: 4000,
        },
      ],
    },
    {
      key: 'traction',
      title: { fr: 'Traction', ar: 'الزخم التجاري', zgh: 'ⵉⴳⵎⴰⴹ ⵉⵎⵣⵡⵓⵔⴰ', en: 'Traction' },
      fields: [
        {
          key: 'summary',
          type: 'long_text',
          label: {
            fr: 'Résultats obtenus',
            ar: 'النتائج المحققة',
            zgh: 'ⵉⴳⵎⴰⴹ ⵏⵏⴰ ⵜⵍⴽⵎⴷ',
            en: 'Results so far',
          },
          hint: {
            fr: 'Clients, partenaires, pilotes, prix. Au stade idéation, décrivez comment vous avez validé le besoin.',
            ar: 'الزبناء والشركاء والتجارب النموذجية والجوائز. في مرحلة الفكرة، صفوا كيف تحققتم من وجود الحاجة.',
            zgh: 'ⵉⵎⵙⴰⵖⵏ, ⵉⵎⴷⴷⵓⴽⴽⴰⵍ ⴷ ⵜⵉⵔⵎⵉⵜⵉⵏ ⵜⵉⵎⵣⵡⵓⵔⴰ. ⴳ ⵓⵙⵡⵉⵔ ⵏ ⵜⵡⵏⴳⵉⵎⵜ, ⵙⵙⴼⵔⵓ ⵎⴰⵎⴽ ⵜⵙⵏⵜⵎⴷ ⵉⵙ ⵜⵍⵍⴰ ⵜⵉⵔⵉ ⵖⵔ ⵜⴼⵙⵙⵉ ⵏⵏⴽ.',
            en: 'Customers, partners, pilots, awards. At the ideation stage, describe how you validated the need.',
          },
          required: true,
          maxLength: 3000,
        },
        {
          key: 'monthly_revenue',
          type: 'money',
          label: {
            fr: 'Chiffre d’affaires mensuel moyen (MAD)',
            ar: 'متوسط رقم المعاملات الشهري (بالدرهم)',
            zgh: 'ⵉⴷⵔⵉⵎⵏ ⵉⴽⵛⵎⵏ ⴽⵓ ⴰⵢⵢⵓⵔ (MAD)',
            en: 'Average monthly revenue (MAD)',
          },
          hint: {
            fr: 'Sur les trois derniers mois. Laissez vide si vous n’avez pas encore de revenus.',
            ar: 'خلال الأشهر الثلاثة الأخيرة. اتركوه فارغًا إن لم تحققوا أي مداخيل بعد.',
            zgh: 'ⴳ ⴽⵕⴰⴹ ⵉⵢⵢⵉⵔⵏ ⵉⴳⴳⵯⵔⴰ. ⴰⵊⵊ ⵜ ⵅⵡⴰ ⵎⴽ ⵓⵔ ⵙⵓⵍ ⴽⵛⵉⵎⵏ ⴽⵔⴰ ⵏ ⵢⵉⴷⵔⵉⵎⵏ.',
            en: 'Over the last three months. Leave empty if you have no revenue yet.',
          },
          min: 0,
          max: 100_000_000,
        },
        {
          key: 'active_users',
          type: 'number',
          label: {
            fr: 'Utilisateurs ou clients actifs',
            ar: 'المستخدمون أو الزبناء النشطون',
            zgh: 'ⵓⵟⵟⵓⵏ ⵏ ⵉⵎⵙⵙⵎⵔⵙⵏ ⵏⵖ ⵉⵎⵙⴰⵖⵏ',
            en: 'Active users or customers',
          },
          hint: {
            fr: 'Nombre au cours du dernier mois.',
            ar: 'العدد خلال الشهر الأخير.',
            zgh: 'ⵓⵟⵟⵓⵏ ⴳ ⵓⵢⵢⵓⵔ ⴰⵎⴳⴳⴰⵔⵓ.',
            en: 'Number over the last month.',
          },
          min: 0,
          max: 1_000_000_000,
        },
      ],
    },
    {
      key: 'funding',
      title: {
        fr: 'Financement demandé',
        ar: 'التمويل المطلوب',
        zgh: 'ⵜⴰⴷⵔⴰⵎⵜ ⵉⵜⵜⵓⵜⵜⵔⵏ',
        en: 'Funding requested',
      },
      fields: [
        {
          key: 'amount_requested',
          type: 'money',
          requestedAmount: true,
          label: {
            fr: 'Montant demandé (MAD)',
            ar: 'المبلغ المطلوب (بالدرهم)',
            zgh: 'ⴰⵎⴹⴰⵏ ⵉⵜⵜⵓⵜⵜⵔⵏ (MAD)',
            en: 'Amount requested (MAD)',
          },
          hint: {
            fr: 'En dirhams, dans la limite du plafond de l’offre (2 000 000 MAD au plus).',
            ar: 'بالدرهم، في حدود سقف العرض (2.000.000 درهم على الأكثر).',
            zgh: 'ⵙ ⴷⴷⵔⵀⵎ, ⴳ ⵜⵉⵍⵙⴰ ⵏ ⵓⵙⵓⵎⵔ (2 000 000 MAD ⵏⵖ ⴷⵔⵓⵙ).',
            en: 'In dirhams, within the offer’s ceiling (at most MAD 2,000,000).',
          },
          required: true,
          min: 1,
          max: 2_000_000,
        },
        {
          key: 'use_of_funds',
          type: 'long_text',
          label: {
            fr: 'Utilisation des fonds',
            ar: 'أوجه استعمال التمويل',
            zgh: 'ⴰⵙⵎⵔⵙ ⵏ ⵢⵉⴷⵔⵉⵎⵏ',
            en: 'Use of funds',
          },
          hint: {
            fr: 'Principaux postes de dépense (recrutements, développement, marketing…) avec leur montant.',
            ar: 'أبواب الإنفاق الرئيسية (التوظيف، التطوير، التسويق…) مع مبالغها.',
            zgh: 'ⵉⵚⵕⵓⴼⵏ ⵉⴳⵊⴷⴰⵏⵏ (ⵉⵎⵙⵡⵓⵔⵉⵢⵏ ⵉⵎⴰⵢⵏⵓⵜⵏ, ⴰⵙⵏⴼⵍⵉ, ⴰⵙⵡⴰⵇ…) ⴰⴽⴷ ⴰⵎⴹⴰⵏ ⵏ ⴽⵓ ⵢⴰⵏ.',
            en: 'Main spending items (hiring, development, marketing…) with their amounts.',
          },
          required: true,
          minLength: 100,
          maxLength: 3000,
        },
      ],
    },
    {
      key: 'documents',
      title: { fr: 'Pièces jointes', ar: 'الوثائق المرفقة', zgh: 'ⵉⵙⴷⵍⵉⵙⵏ', en: 'Documents' },
      fields: [
        {
          key: 'pitch_deck',
          type: 'file',
          label: {
            fr: 'Pitch deck',
            ar: 'العرض التقديمي للمشروع (Pitch deck)',
            zgh: 'ⴰⵙⴷⵍⵉⵙ ⵏ ⵓⵙⵏⴼⴰⵔ (pitch deck)',
            en: 'Pitch deck',
          },
          hint: {
            fr: 'PDF de 15 à 20 diapositives, 10 Mo au plus.',
            ar: 'ملف PDF من 15 إلى 20 شريحة، 10 ميغابايت على الأكثر.',
            zgh: 'PDF ⵙⴳ 15 ⴰⵔ 20 ⵏ ⵜⴼⵍⵡⵉⵏ, 10 MB ⵏⵖ ⴷⵔⵓⵙ.',
            en: 'PDF of 15 to 20 slides, at most 10 MB.',
          },
          required: true,
          accept: PDF,
          maxSizeMb: 10,
        },
      ],
    },
  ],
}
