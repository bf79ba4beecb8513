import type { FormDefinition } from '#programmes/forms/form_definition'
import { PDF, SECTOR_OPTIONS } from '#database/forms/options'

/**
 * Application form of the call for expression of interest to VC fund managers
 * (DESIGN §2–§3). Eligibility reads `fund.target_size` (≥ 200 M MAD) and
 * `strategy.morocco_share` (≥ 50 %); percentages are plain numbers from 0 to 100.
 */
export const vcCallForm: FormDefinition = {
  sections: [
    {
      key: 'fund',
      title: { fr: 'Le fonds', ar: 'الصندوق', zgh: 'ⵜⴰⵙⵏⴷⵓⵇⵜ', en: 'The fund' },
      fields: [
        {
          key: 'fund_name',
          type: 'text',
          identifying: true,
          label: {
            fr: 'Nom du fonds',
            ar: 'اسم الصندوق',
            zgh: 'ⵉⵙⵎ ⵏ ⵜⵙⵏⴷⵓⵇⵜ',
            en: 'Fund name',
          },
          required: true,
          minLength: 2,
          maxLength: 200,
        },
        {
          key: 'target_size',
          type: 'money',
          label: {
            fr: 'Taille cible du fonds (MAD)',
            ar: 'الحجم المستهدف للصندوق (بالدرهم)',
            zgh: 'ⵜⵉⴷⴷⵉ ⵉⵜⵜⵓⵙⵉⴳⴳⵍⵏ ⵏ ⵜⵙⵏⴷⵓⵇⵜ (MAD)',
            en: 'Target fund size (MAD)',
          },
          hint: {
            fr: 'Total des engagements visés à la clôture finale, en dirhams.',
            ar: 'مجموع الالتزامات المستهدفة عند الإغلاق النهائي، بالدرهم.',
            zgh: 'ⵎⵏⵏⴰⵡ ⵏ ⵢⵉⴷⵔⵉⵎⵏ ⵉⵜⵜⵓⵙⵉⴳⴳⵍⵏ ⴳ ⵓⵎⴷⴰⵍ ⴰⵏⴳⴳⴰⵔⵓ, ⵙ ⴷⴷⵔⵀⵎ.',
            en: 'Total commitments sought at final close, in dirhams.',
          },
          required: true,
          min: 1,
          max: 10_000_000_000,
        },
        {
          key: 'first_close_on',
          type: 'date',
          label: {
            fr: 'Date du premier closing',
            ar: 'تاريخ الإغلاق الأول',
            zgh: 'ⴰⵙⴰⴽⵓⴷ ⵏ ⵓⵎⴷⴰⵍ ⴰⵎⵣⵡⴰⵔⵓ',
            en: 'First close date',
          },
          hint: {
            fr: 'Réalisé ou prévu.',
            ar: 'سواء تمّ أو كان متوقعًا.',
            zgh: 'ⵉⵣⵔⵉ ⵏⵖ ⵔⴰⴷ ⵉⵍⵉ.',
            en: 'Held or planned.',
          },
          required: true,
        },
        {
          key: 'domiciliation',
          type: 'select',
          label: {
            fr: 'Domiciliation du fonds',
            ar: 'مقر تسجيل الصندوق',
            zgh: 'ⴰⵏⵙⴰ ⵏ ⵓⵙⵊⵊⵍ ⵏ ⵜⵙⵏⴷⵓⵇⵜ',
            en: 'Fund domicile',
          },
          required: true,
          options: [
            {
              value: 'morocco',
              label: { fr: 'Maroc', ar: 'المغرب', zgh: 'ⵍⵎⵖⵔⵉⴱ', en: 'Morocco' },
            },
            {
              value: 'other',
              label: {
                fr: 'Autre pays',
                ar: 'بلد آخر',
                zgh: 'ⵜⴰⵎⵓⵔⵜ ⵢⴰⴹⵏ',
                en: 'Another country',
              },
            },
          ],
        },
        {
          key: 'domiciliation_country',
          type: 'text',
          label: {
            fr: 'Pays de domiciliation',
            ar: 'بلد التسجيل',
            zgh: 'ⵜⴰⵎⵓⵔⵜ ⵏ ⵓⵙⵊⵊⵍ',
            en: 'Country of domicile',
          },
          hint: {
            fr: 'Si le fonds n’est pas domicilié au Maroc.',
            ar: 'إذا لم يكن الصندوق مسجلًا في المغرب.',
            zgh: 'ⵎⴽ ⵓⵔ ⵜⵜⵓⵙⵊⵊⵍ ⵜⵙⵏⴷⵓⵇⵜ ⴳ ⵍⵎⵖⵔⵉⴱ.',
            en: 'If the fund is not domiciled in Morocco.',
          },
          maxLength: 100,
        },
      ],
    },
    {
      key: 'strategy',
      title: {
        fr: 'Stratégie d’investissement',
        ar: 'استراتيجية الاستثمار',
        zgh: 'ⵜⴰⵙⵜⵔⴰⵜⵉⵊⵉⵜ ⵏ ⵓⵙⵙⴽⵛⵎ ⵏ ⵢⵉⴷⵔⵉⵎⵏ',
        en: 'Investment strategy',
      },
      fields: [
        {
          key: 'stages',
          type: 'multi_select',
          label: {
            fr: 'Stades d’investissement',
            ar: 'مراحل الاستثمار',
            zgh: 'ⵉⵙⵡⵉⵔⵏ ⵏ ⵓⵙⵙⴽⵛⵎ ⵏ ⵢⵉⴷⵔⵉⵎⵏ',
            en: 'Investment stages',
          },
          required: true,
          options: [
            {
              value: 'pre_seed',
              label: {
                fr: 'Pré-amorçage',
                ar: 'ما قبل الانطلاق',
                zgh: 'ⴷⴰⵜ ⵏ ⵓⵙⵏⵓⵍⴼⵓ (pre-seed)',
                en: 'Pre-seed',
              },
            },
            {
              value: 'seed',
              label: {
                fr: 'Amorçage (seed)',
                ar: 'الانطلاق (Seed)',
                zgh: 'ⴰⵙⵏⵓⵍⴼⵓ (seed)',
                en: 'Seed',
              },
            },
            {
              value: 'series_a',
              label: {
                fr: 'Série A',
                ar: 'الجولة أ (Series A)',
                zgh: 'ⴰⵙⵡⵉⵔ A (Series A)',
                en: 'Series A',
              },
            },
            {
              value: 'growth',
              label: {
                fr: 'Croissance (série B et au-delà)',
                ar: 'النمو (الجولة ب وما بعدها)',
                zgh: 'ⴰⵙⵎⵖⵔ (Series B ⴷ ⵎⴰ ⴷ ⵉⴹⴼⴰⵕⵏ)',
                en: 'Growth (Series B and later)',
              },
            },
          ],
        },
        {
          key: 'sectors',
          type: 'multi_select',
          label: {
            fr: 'Secteurs visés',
            ar: 'القطاعات المستهدفة',
            zgh: 'ⵉⴳⵣⵣⵓⵎⵏ ⵉⵜⵜⵓⵙⵉⴳⴳⵍⵏ',
            en: 'Target sectors',
          },
          required: true,
          options: SECTOR_OPTIONS,
        },
        {
          key: 'geography',
          type: 'long_text',
          label: {
            fr: 'Couverture géographique',
            ar: 'النطاق الجغرافي',
            zgh: 'ⵜⵉⵎⵏⴰⴹ ⵜⵉⵊⵖⵔⴰⴼⵉⵏ',
            en: 'Geographic focus',
          },
          hint: {
            fr: 'Pays et régions visés, et place du Maroc dans la stratégie.',
            ar: 'البلدان والجهات المستهدفة، ومكانة المغرب في الاستراتيجية.',
            zgh: 'ⵜⵉⵎⵓⵔⴰ ⴷ ⵜⵙⴳⴰⵡⵉⵏ ⵉⵜⵜⵓⵙⵉⴳⴳⵍⵏ, ⴷ ⵓⴷⵖⴰⵔ ⵏ ⵍⵎⵖⵔⵉⴱ ⴳ ⵜⵙⵜⵔⴰⵜⵉⵊⵉⵜ.',
            en: 'Target countries and regions, and Morocco’s place in the strategy.',
          },
          required: true,
          maxLength: 2000,
        },
        {
          key: 'morocco_share',
          type: 'number',
          label: {
            fr: 'Part du fonds engagée dans des startups marocaines (%)',
            ar: 'حصة الصندوق المخصصة للمقاولات الناشئة المغربية (%)',
            zgh: 'ⴰⴼⵔⴷⵉⵙ ⵏ ⵜⵙⵏⴷⵓⵇⵜ ⵉ ⵉⴷ ⵙⵜⴰⵔⵜⴰⴱ ⵉⵎⵖⵔⵉⴱⵉⵢⵏ (%)',
            en: 'Share of the fund committed to Moroccan startups (%)',
          },
          hint: {
            fr: 'Minimum inscrit dans le règlement du fonds, en pourcentage de sa taille.',
            ar: 'الحد الأدنى المنصوص عليه في نظام الصندوق، كنسبة مئوية من حجمه.',
            zgh: 'ⴰⴼⵔⴷⵉⵙ ⴰⴷⵔⵓⵙ ⵏⵏⴰ ⵔⴰⴷ ⵜⵙⴽⵛⵎ ⵜⵙⵏⴷⵓⵇⵜ ⴳ ⵉⴷ ⵙⵜⴰⵔⵜⴰⴱ ⵉⵎⵖⵔⵉⴱⵉⵢⵏ, ⵙ % ⵏ ⵜⵉⴷⴷⵉ ⵏⵏⵙ.',
            en: 'Minimum written in the fund’s rules, as a percentage of its size.',
          },
          required: true,
          min: 0,
          max: 100,
        },
      ],
    },
    {
      key: 'team',
      title: {
        fr: 'Équipe et historique',
        ar: 'الفريق والسجل السابق',
        zgh: 'ⵜⴰⵔⴱⴰⵄⵜ ⴷ ⵉⴳⵎⴰⴹ ⵉⵣⵔⵉⵏ',
        en: 'Team and track record',
      },
      fields: [
        {
          key: 'management_team',
          type: 'long_text',
          identifying: true,
          label: {
            fr: 'Équipe de gestion',
            ar: 'فريق التدبير',
            zgh: 'ⵜⴰⵔⴱⴰⵄⵜ ⵏ ⵓⵙⵡⵓⴷⴷⵓ',
            en: 'Management team',
          },
          hint: {
            fr: 'Associés clés, expérience d’investissement, temps consacré au fonds, présence au Maroc.',
            ar: 'الشركاء الرئيسيون، وخبرتهم في الاستثمار، والوقت المخصص للصندوق، والحضور في المغرب.',
            zgh: 'ⵉⵎⴷⴷⵓⴽⴽⴰⵍ ⵉⴳⵊⴷⴰⵏⵏ, ⵜⴰⵔⵎⵉⵜ ⵏⵏⵙⵏ ⴳ ⵓⵙⵙⴽⵛⵎ ⵏ ⵢⵉⴷⵔⵉⵎⵏ, ⴰⴽⵓⴷ ⵏⵏⴰ ⵜ ⴼⴽⴽⴰⵏ ⵉ ⵜⵙⵏⴷⵓⵇⵜ ⴷ ⵜⵉⵍⵍⵉ ⴳ ⵍⵎⵖⵔⵉⴱ.',
            en: 'Key partners, investment experience, time devoted to the fund, presence in Morocco.',
          },
          required: true,
          minLength: 100,
          maxLength: 5000,
        },
        {
          key: 'previous_funds',
          type: 'group',
          label: {
            fr: 'Fonds précédents',
            ar: 'الصناديق السابقة',
            zgh: 'ⵜⵉⵙⵏⴷⵓⵇⵉⵏ ⵉⵣⵔⵉⵏ',
            en: 'Previous funds',
          },
          hint: {
            fr: 'Fonds déjà gérés par l’équipe. Laissez vide pour un premier fonds.',
            ar: 'الصناديق التي سبق أن دبّرها الفريق. اتركوا القائمة فارغة إن كان هذا أول صندوق.',
            zgh: 'ⵜⵉⵙⵏⴷⵓⵇⵉⵏ ⵏⵏⴰ ⵜⵙⵡⵓⴷⴷⴰ ⵜⵔⴱⴰⵄⵜ. ⴰⵊⵊ ⵜⴰⵍⴳⴰⵎⵜ ⵅⵡⴰ ⵎⴽ ⵜⴳⴰ ⵜⴰ ⵜⴰⵙⵏⴷⵓⵇⵜ ⵜⴰⵎⵣⵡⴰⵔⵓⵜ.',
            en: 'Funds already managed by the team. Leave empty for a first-time fund.',
          },
          maxItems: 20,
          fields: [
            {
              key: 'name',
              type: 'text',
              identifying: true,
              label: {
                fr: 'Nom du fonds',
                ar: 'اسم الصندوق',
                zgh: 'ⵉⵙⵎ ⵏ ⵜⵙⵏⴷⵓⵇⵜ',
                en: 'Fund name',
              },
              required: true,
              maxLength: 200,
            },
            {
              key: 'vintage_year',
              type: 'number',
              label: {
                fr: 'Millésime',
                ar: 'سنة الإطلاق',
                zgh: 'ⴰⵙⴳⴳⵯⴰⵙ ⵏ ⵓⵙⵏⵜⵉ',
                en: 'Vintage year',
              },
              required: true,
              min: 1980,
              max: 2030,
            },
            {
              key: 'size',
              type: 'money',
              label: {
                fr: 'Taille (MAD)',
                ar: 'الحجم (بالدرهم)',
                zgh: 'ⵜⵉⴷⴷⵉ (MAD)',
                en: 'Size (MAD)',
              },
              hint: {
                fr: 'Contre-valeur en dirhams à la clôture finale.',
                ar: 'ما يعادله بالدرهم عند الإغلاق النهائي.',
                zgh: 'ⵙ ⴷⴷⵔⵀⵎ, ⴳ ⵓⵎⴷⴰⵍ ⴰⵏⴳⴳⴰⵔⵓ.',
                en: 'Equivalent in dirhams at final close.',
              },
              required: true,
              min: 0,
              max: 100_000_000_000,
            },
            {
              key: 'tvpi',
              type: 'number',
              label: {
                fr: 'TVPI (valeur totale / capital appelé)',
                ar: 'TVPI (القيمة الإجمالية إلى رأس المال المدفوع)',
                zgh: 'TVPI (ⵜⴰⵏⵙⴱⵜ ⵏ ⵡⴰⵣⴰⵍ ⴰⴽⴽⵯ ⵅⴼ ⵢⵉⴷⵔⵉⵎⵏ ⵉⵜⵜⵓⵙⵙⵓⴼⵖⵏ)',
                en: 'TVPI (total value to paid-in)',
              },
              hint: {
                fr: 'À la dernière valorisation.',
                ar: 'حسب آخر تقييم.',
                zgh: 'ⴳ ⵓⵙⵙⵉⴹⵏ ⴰⵎⴳⴳⴰⵔⵓ.',
                en: 'At the latest valuation.',
              },
              min: 0,
              max: 50,
            },
            {
              key: 'dpi',
              type: 'number',
              label: {
                fr: 'DPI (distributions / capital appelé)',
                ar: 'DPI (التوزيعات إلى رأس المال المدفوع)',
                zgh: 'DPI (ⵜⴰⵏⵙⴱⵜ ⵏ ⵢⵉⴷⵔⵉⵎⵏ ⵉⵜⵜⵓⵔⴰⵔⵏ ⵅⴼ ⵢⵉⴷⵔⵉⵎⵏ ⵉⵜⵜⵓⵙⵙⵓⴼⵖⵏ)',
                en: 'DPI (distributions to paid-in)',
              },
              hint: {
                fr: 'À la dernière valorisation.',
                ar: 'حسب آخر تقييم.',
                zgh: 'ⴳ ⵓⵙⵙⵉⴹⵏ ⴰⵎⴳⴳⴰⵔⵓ.',
                en: 'At the latest valuation.',
              },
              min: 0,
              max: 50,
            },
          ],
        },
      ],
    },
    {
      key: 'terms',
      title: {
        fr: 'Conditions financières',
        ar: 'الشروط المالية',
        zgh: 'ⵜⵉⵡⵜⵉⵍⵉⵏ ⵏ ⵜⴷⵔⴰⵎⵜ',
        en: 'Financial terms',
      },
      fields: [
        {
          key: 'requested_commitment',
          type: 'money',
          requestedAmount: true,
          label: {
            fr: 'Engagement demandé au fonds de fonds (MAD)',
            ar: 'الالتزام المطلوب من صندوق الصناديق (بالدرهم)',
            zgh: 'ⴰⵎⴹⴰⵏ ⵉⵜⵜⵓⵜⵜⵔⵏ ⵙⴳ ⵜⵙⵏⴷⵓⵇⵜ ⵏ ⵜⵙⵏⴷⵓⵇⵉⵏ (MAD)',
            en: 'Commitment requested from the fund of funds (MAD)',
          },
          required: true,
          min: 1,
          max: 10_000_000_000,
        },
        {
          key: 'management_fee',
          type: 'number',
          label: {
            fr: 'Frais de gestion (% par an)',
            ar: 'رسوم التدبير (% سنويًا)',
            zgh: 'ⵉⵚⵕⵓⴼⵏ ⵏ ⵓⵙⵡⵓⴷⴷⵓ (% ⴽⵓ ⴰⵙⴳⴳⵯⴰⵙ)',
            en: 'Management fee (% per year)',
          },
          hint: {
            fr: 'Sur les engagements, pendant la période d’investissement.',
            ar: 'تُحتسب على الالتزامات خلال فترة الاستثمار.',
            zgh: 'ⵅⴼ ⵢⵉⴷⵔⵉⵎⵏ ⵏⵏⴰ ⵜⵜⵓⵡⴰⵄⴷⵏ, ⴳ ⵜⵉⵣⵉ ⵏ ⵓⵙⵙⴽⵛⵎ ⵏ ⵢⵉⴷⵔⵉⵎⵏ.',
            en: 'On commitments, during the investment period.',
          },
          required: true,
          min: 0,
          max: 5,
        },
        {
          key: 'carried_interest',
          type: 'number',
          label: {
            fr: 'Carried interest (%)',
            ar: 'حصة أرباح فريق التدبير (Carried interest) (%)',
            zgh: 'ⴰⴼⵔⴷⵉⵙ ⵏ ⵜⴼⴰⵢⴷⴰ (carried interest, %)',
            en: 'Carried interest (%)',
          },
          hint: {
            fr: 'Part des plus-values revenant à l’équipe de gestion.',
            ar: 'حصة فائض القيمة العائدة إلى فريق التدبير.',
            zgh: 'ⴰⴼⵔⴷⵉⵙ ⵏ ⵜⴼⴰⵢⴷⴰ ⵏⵏⴰ ⵉⵜⵜⵓⴼⴽⴰⵏ ⵉ ⵜⵔⴱⴰⵄⵜ ⵏ ⵓⵙⵡⵓⴷⴷⵓ.',
            en: 'Share of capital gains going to the management team.',
          },
          required: true,
          min: 0,
          max: 30,
        },
      ],
    },
    {
      key: 'esg',
      title: {
        fr: 'Politique ESG',
        ar: 'السياسة البيئية والاجتماعية والحوكمة (ESG)',
        zgh: 'ⵜⴰⵙⵔⵜⵉⵜ ESG',
        en: 'ESG policy',
      },
      fields: [
        {
          key: 'esg_policy',
          type: 'long_text',
          label: {
            fr: 'Politique environnementale, sociale et de gouvernance',
            ar: 'السياسة البيئية والاجتماعية وسياسة الحوكمة',
            zgh: 'ⵜⴰⵙⵔⵜⵉⵜ ⵏ ⵜⵡⵏⵏⴰⴹⵜ, ⵜⴰⵎⵓⵏⵜ ⴷ ⵓⵙⵡⵓⴷⴷⵓ',
            en: 'Environmental, social and governance policy',
          },
          hint: {
            fr: 'Critères d’exclusion, suivi ESG des participations, parité dans l’équipe et le portefeuille.',
            ar: 'معايير الإقصاء، وتتبع معايير ESG في المساهمات، والمناصفة في الفريق والمحفظة.',
            zgh: 'ⵜⵉⵡⵜⵉⵍⵉⵏ ⵏ ⵓⵙⵙⵓⴼⵖ, ⴰⴹⴼⴼⵓⵔ ⵏ ESG ⴳ ⵜⴽⵓⴱⴱⴰⵏⵉⵢⵉⵏ ⵏⵏⴰ ⴳ ⵜⵙⴽⵛⵎ ⵜⵙⵏⴷⵓⵇⵜ ⵉⴷⵔⵉⵎⵏ, ⴰⵎⵙⴰⵙⴰ ⴳⵔ ⵜⵉⵎⵟⵟⵓⴹⵉⵏ ⴷ ⵢⵉⵔⴳⴰⵣⵏ.',
            en: 'Exclusion criteria, ESG monitoring of portfolio companies, gender balance in the team and portfolio.',
          },
          required: true,
          minLength: 100,
          maxLength: 5000,
        },
      ],
    },
    {
      key: 'documents',
      title: { fr: 'Pièces jointes', ar: 'الوثائق المرفقة', zgh: 'ⵉⵙⴷⵍⵉⵙⵏ', en: 'Documents' },
      fields: [
        {
          key: 'ppm',
          type: 'file',
          label: {
            fr: 'Mémorandum de placement privé (PPM)',
            ar: 'مذكرة الاكتتاب الخاص (PPM)',
            zgh: 'ⴰⵙⴷⵍⵉⵙ ⵏ ⵓⵙⵓⵎⵔ ⵏ ⵜⵙⵏⴷⵓⵇⵜ (PPM)',
            en: 'Private placement memorandum (PPM)',
          },
          hint: {
            fr: 'PDF, 20 Mo au plus.',
            ar: 'ملف PDF، 20 ميغابايت على الأكثر.',
            zgh: 'PDF, 20 MB ⵏⵖ ⴷⵔⵓⵙ.',
            en: 'PDF, at most 20 MB.',
          },
          required: true,
          accept: PDF,
          maxSizeMb: 20,
        },
        {
          key: 'track_record',
          type: 'file',
          label: {
            fr: 'Historique détaillé des investissements',
            ar: 'السجل التفصيلي للاستثمارات السابقة',
            zgh: 'ⵉⴳⵎⴰⴹ ⵉⵣⵔⵉⵏ ⵏ ⵓⵙⵙⴽⵛⵎ ⵏ ⵢⵉⴷⵔⵉⵎⵏ (track record)',
            en: 'Detailed investment track record',
          },
          hint: {
            fr: 'Une ligne par investissement : date, montant, multiple, sortie. PDF, 10 Mo au plus.',
            ar: 'سطر لكل استثمار: التاريخ، والمبلغ، والمضاعف، والخروج. ملف PDF، 10 ميغابايت على الأكثر.',
            zgh: 'ⵢⴰⵏ ⵓⵣⵔⵉⵔⴳ ⵉ ⴽⵓ ⴰⵙⵙⴽⵛⵎ ⵏ ⵢⵉⴷⵔⵉⵎⵏ: ⴰⵙⴰⴽⵓⴷ, ⴰⵎⴹⴰⵏ, ⵜⴰⵏⵙⴱⵜ, ⴰⴼⵓⵖ. PDF, 10 MB ⵏⵖ ⴷⵔⵓⵙ.',
            en: 'One line per investment: date, amount, multiple, exit. PDF, at most 10 MB.',
          },
          required: true,
          accept: PDF,
          maxSizeMb: 10,
        },
      ],
    },
  ],
}
