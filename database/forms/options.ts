import type { FieldOption } from '#programmes/forms/form_definition'

/** Accepted upload types, checked on content when a file is uploaded. */
export const PDF = ['application/pdf']
export const PDF_OR_IMAGE = ['application/pdf', 'image/png', 'image/jpeg']

/**
 * Morocco's twelve regions (2015 division). The values are the keys of
 * resources/lang/<locale>/regions.json and of organizations' `region`, so answers,
 * organizations and regional statistics speak of the same regions; the labels are
 * copied from those files because a stored definition must stand on its own.
 */
export const REGION_OPTIONS: FieldOption[] = [
  {
    value: 'tanger_tetouan_al_hoceima',
    label: {
      fr: 'Tanger-Tétouan-Al Hoceïma',
      ar: 'طنجة - تطوان - الحسيمة',
      zgh: 'ⵟⴰⵏⵊⴰ-ⵜⵉⵟⵟⴰⵡⵉⵏ-ⵍⵃⵓⵙⵉⵎⴰ',
      en: 'Tanger-Tetouan-Al Hoceima',
    },
  },
  { value: 'oriental', label: { fr: "L'Oriental", ar: 'الشرق', zgh: 'ⴰⴳⵎⵎⴰⴹ', en: 'Oriental' } },
  {
    value: 'fes_meknes',
    label: { fr: 'Fès-Meknès', ar: 'فاس - مكناس', zgh: 'ⴼⴰⵙ-ⵎⴽⵏⴰⵙ', en: 'Fes-Meknes' },
  },
  {
    value: 'rabat_sale_kenitra',
    label: {
      fr: 'Rabat-Salé-Kénitra',
      ar: 'الرباط - سلا - القنيطرة',
      zgh: 'ⵕⵕⴱⴰⵟ-ⵙⵍⴰ-ⵇⵏⵉⵟⵔⴰ',
      en: 'Rabat-Sale-Kenitra',
    },
  },
  {
    value: 'beni_mellal_khenifra',
    label: {
      fr: 'Béni Mellal-Khénifra',
      ar: 'بني ملال - خنيفرة',
      zgh: 'ⴱⵏⵉ ⵎⵍⵍⴰⵍ-ⵅⵏⵉⴼⵕⴰ',
      en: 'Beni Mellal-Khenifra',
    },
  },
  {
    value: 'casablanca_settat',
    label: {
      fr: 'Casablanca-Settat',
      ar: 'الدار البيضاء - سطات',
      zgh: 'ⴷⴷⴰⵔ ⵍⴱⵉⴹⴰ-ⵙⵟⵟⴰⵜ',
      en: 'Casablanca-Settat',
    },
  },
  {
    value: 'marrakech_safi',
    label: { fr: 'Marrakech-Safi', ar: 'مراكش - آسفي', zgh: 'ⵎⵕⵕⴰⴽⵛ-ⴰⵙⴼⵉ', en: 'Marrakech-Safi' },
  },
  {
    value: 'draa_tafilalet',
    label: {
      fr: 'Drâa-Tafilalet',
      ar: 'درعة - تافيلالت',
      zgh: 'ⴷⵔⵄⴰ-ⵜⴰⴼⵉⵍⴰⵍⵜ',
      en: 'Draa-Tafilalet',
    },
  },
  {
    value: 'souss_massa',
    label: { fr: 'Souss-Massa', ar: 'سوس - ماسة', zgh: 'ⵙⵓⵙ-ⵎⴰⵙⵙⴰ', en: 'Souss-Massa' },
  },
  {
    value: 'guelmim_oued_noun',
    label: {
      fr: 'Guelmim-Oued Noun',
      ar: 'كلميم - واد نون',
      zgh: 'ⴳⵍⵎⵉⵎ-ⵡⴰⴷ ⵏⵓⵏ',
      en: 'Guelmim-Oued Noun',
    },
  },
  {
    value: 'laayoune_sakia_el_hamra',
    label: {
      fr: 'Laâyoune-Sakia El Hamra',
      ar: 'العيون - الساقية الحمراء',
      zgh: 'ⵍⵄⵢⵓⵏ-ⵙⴰⴳⵢⴰ ⵍⵃⵎⵔⴰ',
      en: 'Laayoune-Sakia El Hamra',
    },
  },
  {
    value: 'dakhla_oued_ed_dahab',
    label: {
      fr: 'Dakhla-Oued Ed-Dahab',
      ar: 'الداخلة - وادي الذهب',
      zgh: 'ⴷⴷⴰⵅⵍⴰ-ⵡⴰⴷ ⴷⴷⴰⵀⴰⴱ',
      en: 'Dakhla-Oued Ed-Dahab',
    },
  },
]

/**
 * Sectors, shared by the startup offer (the startup's sector) and the VC call (the
 * fund's target sectors), so sector priorities can be scored the same way in both.
 */
export const SECTOR_OPTIONS: FieldOption[] = [
  {
    value: 'agritech',
    label: {
      fr: 'Agriculture et agroalimentaire',
      ar: 'الفلاحة والصناعات الغذائية',
      zgh: 'ⵜⴰⴼⵍⵍⴰⵃⵜ ⴷ ⵜⵉⵔⵎⵜ',
      en: 'Agriculture and food',
    },
  },
  {
    value: 'fintech',
    label: {
      fr: 'Finance et assurance (fintech)',
      ar: 'المالية والتأمين (التكنولوجيا المالية)',
      zgh: 'ⵜⴰⴷⵔⴰⵎⵜ ⴷ ⵓⵙⵙⵓⴳⵔ (fintech)',
      en: 'Finance and insurance (fintech)',
    },
  },
  {
    value: 'healthtech',
    label: { fr: 'Santé', ar: 'الصحة', zgh: 'ⵜⴰⴷⵓⵙⵉ', en: 'Health' },
  },
  {
    value: 'edtech',
    label: { fr: 'Éducation', ar: 'التعليم', zgh: 'ⴰⵙⴳⵎⵉ', en: 'Education' },
  },
  {
    value: 'cleantech',
    label: {
      fr: 'Énergie, eau et environnement',
      ar: 'الطاقة والماء والبيئة',
      zgh: 'ⵜⴰⵣⵎⵔⵜ, ⴰⵎⴰⵏ ⴷ ⵜⵡⵏⵏⴰⴹⵜ',
      en: 'Energy, water and environment',
    },
  },
  {
    value: 'logistics',
    label: {
      fr: 'Logistique et mobilité',
      ar: 'اللوجستيك والتنقل',
      zgh: 'ⵜⴰⵍⵓⵊⵉⵙⵜⵉⴽⵜ ⴷ ⵓⵙⵎⵓⵜⵜⵉ',
      en: 'Logistics and mobility',
    },
  },
  {
    value: 'ecommerce',
    label: {
      fr: 'Commerce et e-commerce',
      ar: 'التجارة والتجارة الإلكترونية',
      zgh: 'ⵜⴰⵙⴱⴱⴰⴱⵜ ⴷ ⵜⵙⴱⴱⴰⴱⵜ ⵜⴰⵏⵓⵎⴰⵏⵜ',
      en: 'Retail and e-commerce',
    },
  },
  {
    value: 'industry',
    label: {
      fr: 'Industrie 4.0',
      ar: 'الصناعة 4.0',
      zgh: 'ⵜⴰⵙⵏⴰⵄⵜ 4.0',
      en: 'Industry 4.0',
    },
  },
  {
    value: 'tourism_culture',
    label: {
      fr: 'Tourisme, culture et industries créatives',
      ar: 'السياحة والثقافة والصناعات الإبداعية',
      zgh: 'ⴰⵎⵓⴷⴷⵓ, ⵜⴰⴷⵍⵙⴰ ⴷ ⵜⵙⵏⴰⵄⵉⵏ ⵏ ⵓⵙⵏⴼⵍⵓⵍ',
      en: 'Tourism, culture and creative industries',
    },
  },
  {
    value: 'ai_data',
    label: {
      fr: 'Intelligence artificielle et données',
      ar: 'الذكاء الاصطناعي والبيانات',
      zgh: 'ⵜⴰⵖⵉⵍⵉ ⵜⴰⵎⴳⵓⵔⴰⵏⵜ ⴷ ⵉⵙⴼⴽⴰ',
      en: 'Artificial intelligence and data',
    },
  },
  {
    value: 'cybersecurity',
    label: {
      fr: 'Cybersécurité',
      ar: 'الأمن السيبراني',
      zgh: 'ⵜⴰⵏⴼⵔⵓⵜ ⵜⴰⵏⵓⵎⴰⵏⵜ',
      en: 'Cybersecurity',
    },
  },
  {
    value: 'govtech',
    label: {
      fr: 'Services publics numériques (GovTech)',
      ar: 'الخدمات العمومية الرقمية',
      zgh: 'ⵜⵉⵏⴰⴼⵓⵜⵉⵏ ⵜⵉⵏⴰⵎⵓⵔⵉⵏ ⵜⵉⵏⵓⵎⴰⵏⵉⵏ',
      en: 'Digital public services (GovTech)',
    },
  },
  {
    value: 'other',
    label: { fr: 'Autre', ar: 'قطاع آخر', zgh: 'ⴰⴳⵣⵣⵓⵎ ⵢⴰⴹⵏ', en: 'Other' },
  },
]

/**
 * The four startup stages, named as in resources/lang/<locale>/catalogue.json (`stages`):
 * the catalogue, the programme pages and the form say the same words. Copied, because a
 * stored definition must stand on its own.
 */
export const STAGE_OPTIONS: FieldOption[] = [
  {
    value: 'ideation',
    label: { fr: 'Idéation', ar: 'بلورة الفكرة', zgh: 'ⵜⴰⵡⵏⴳⵉⵎⵜ', en: 'Ideation' },
  },
  {
    value: 'early',
    label: { fr: 'Amorçage', ar: 'الانطلاق', zgh: 'ⴰⵙⵏⵜⵉ', en: 'Early stage' },
  },
  {
    value: 'growth',
    label: { fr: 'Croissance', ar: 'النمو', zgh: 'ⴰⵙⵎⵖⵓⵔ', en: 'Growth' },
  },
  {
    value: 'fundraising',
    label: { fr: 'Levée de fonds', ar: 'جمع التمويل', zgh: 'ⴰⵙⵎⵓⵏ ⵏ ⵜⴷⵔⴰⵎⵜ', en: 'Fundraising' },
  },
]
