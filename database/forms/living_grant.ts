import type { FormDefinition } from '#programmes/forms/form_definition'
import { PDF, PDF_OR_IMAGE } from '#database/forms/options'

/**
 * Application form of the bourse de vie (DESIGN §2–§3): an experienced employee who
 * leaves (or has left) a job to found an innovative startup. The eligibility rule
 * "experience ≥ 5 years" reads `experience.years_of_experience`.
 */
export const livingGrantForm: FormDefinition = {
  sections: [
    {
      key: 'experience',
      title: {
        fr: 'Parcours professionnel',
        ar: 'المسار المهني',
        zgh: 'ⴰⴱⵔⵉⴷ ⴰⵎⵙⵡⵓⵔⵉ',
        en: 'Professional background',
      },
      fields: [
        {
          key: 'years_of_experience',
          type: 'number',
          label: {
            fr: 'Années d’expérience professionnelle',
            ar: 'سنوات الخبرة المهنية',
            zgh: 'ⵉⵙⴳⴳⵯⴰⵙⵏ ⵏ ⵜⵔⵎⵉⵜ ⵜⴰⵎⵙⵡⵓⵔⵉⵜ',
            en: 'Years of professional experience',
          },
          hint: {
            fr: 'Expérience salariée cumulée, stages exclus.',
            ar: 'مجموع سنوات العمل المأجور، دون احتساب التداريب.',
            zgh: 'ⵉⵙⴳⴳⵯⴰⵙⵏ ⵏ ⵜⵡⵓⵔⵉ ⵙ ⵓⵖⵔⴰⴹ ⴰⴽⴽⵯ, ⴱⵍⴰ ⵜⵉⵣⵉ ⵏ ⵓⵙⵍⵎⴷ.',
            en: 'Total salaried experience, internships excluded.',
          },
          required: true,
          min: 0,
          max: 50,
        },
        {
          key: 'current_employer',
          type: 'text',
          identifying: true,
          label: {
            fr: 'Employeur actuel ou dernier employeur',
            ar: 'المشغِّل الحالي أو الأخير',
            zgh: 'ⴰⵎⵙⵙⵡⵓⵔⵉ ⴰⵎⵉⵔⴰⵏ ⵏⵖ ⴰⵎⴳⴳⴰⵔⵓ',
            en: 'Current or last employer',
          },
          required: true,
          minLength: 2,
          maxLength: 200,
        },
        {
          key: 'employment_status',
          type: 'select',
          label: {
            fr: 'Situation professionnelle',
            ar: 'الوضعية المهنية',
            zgh: 'ⴰⴷⴷⴰⴷ ⴰⵎⵙⵡⵓⵔⵉ',
            en: 'Employment status',
          },
          hint: {
            fr: 'La bourse s’adresse aux salariés qui quittent leur emploi pour fonder leur startup.',
            ar: 'تستهدف المنحة الأجراء الذين يغادرون عملهم لتأسيس مقاولتهم الناشئة.',
            zgh: 'ⵜⴰⵎⵓⵙⵙⵏⵜ ⵜⵍⵍⴰ ⵉ ⵢⵉⵎⵙⵡⵓⵔⵉⵢⵏ ⵏⵏⴰ ⵉⵜⵜⴰⵊⵊⴰⵏ ⵜⴰⵡⵓⵔⵉ ⵏⵏⵙⵏ ⴰⴼⴰⴷ ⴰⴷ ⵙⵏⵓⵍⴼⵓⵏ ⵙⵜⴰⵔⵜⴰⴱ ⵏⵏⵙⵏ.',
            en: 'The grant is for employees who leave their job to found their startup.',
          },
          required: true,
          options: [
            {
              value: 'employed',
              label: { fr: 'En poste', ar: 'في حالة شغل', zgh: 'ⵙⵓⵍ ⵙⵡⵓⵔⵉⵖ', en: 'Employed' },
            },
            {
              value: 'resigned',
              label: {
                fr: 'Démissionnaire',
                ar: 'قدّمتُ استقالتي',
                zgh: 'ⴼⵍⵖ ⵜⴰⵡⵓⵔⵉ ⵉⵏⵓ',
                en: 'Resigned',
              },
            },
          ],
        },
        {
          key: 'resigned_on',
          type: 'date',
          label: {
            fr: 'Date de démission',
            ar: 'تاريخ الاستقالة',
            zgh: 'ⴰⵙⴰⴽⵓⴷ ⵏⵏⴰ ⴳ ⵜⴼⵍⴷ ⵜⴰⵡⵓⵔⵉ',
            en: 'Resignation date',
          },
          hint: {
            fr: 'Seulement si vous avez déjà démissionné.',
            ar: 'فقط إذا كنتم قد قدّمتم استقالتكم.',
            zgh: 'ⵖⴰⵙ ⵎⴽ ⵜⴼⵍⴷ ⵢⴰⴷ ⵜⴰⵡⵓⵔⵉ ⵏⵏⴽ.',
            en: 'Only if you have already resigned.',
          },
        },
      ],
    },
    {
      key: 'project',
      title: {
        fr: 'Projet de startup',
        ar: 'مشروع المقاولة الناشئة',
        zgh: 'ⴰⵙⵏⴼⴰⵔ ⵏ ⵙⵜⴰⵔⵜⴰⴱ',
        en: 'Startup project',
      },
      fields: [
        {
          key: 'innovation_type',
          type: 'select',
          label: {
            fr: 'Type d’innovation',
            ar: 'نوع الابتكار',
            zgh: 'ⴰⵏⴰⵡ ⵏ ⵓⵙⵎⴰⵢⵏⵓ',
            en: 'Type of innovation',
          },
          required: true,
          options: [
            {
              value: 'growth',
              label: {
                fr: 'Innovation de croissance — améliore un marché existant',
                ar: 'ابتكار النمو — يطوّر سوقًا قائمة',
                zgh: 'ⴰⵙⵎⴰⵢⵏⵓ ⵏ ⵓⵙⵎⵖⵔ — ⵉⵙⵙⵎⵖⴰⵔ ⴰⵙⵡⴰⵇ ⵉⵍⵍⴰⵏ',
                en: 'Growth innovation — improves an existing market',
              },
            },
            {
              value: 'disruptive',
              label: {
                fr: 'Innovation de rupture — crée ou transforme un marché',
                ar: 'ابتكار جذري — يخلق سوقًا جديدة أو يغيّرها جذريًا',
                zgh: 'ⴰⵙⵎⴰⵢⵏⵓ ⵏ ⵓⴱⵜⵜⵓ — ⵉⵙⵏⵓⵍⴼⴰⵢ ⴰⵙⵡⴰⵇ ⴰⵎⴰⵢⵏⵓ ⵏⵖ ⵉⵙⵏⴼⴰⵍ ⵜ',
                en: 'Disruptive innovation — creates or transforms a market',
              },
            },
          ],
        },
        {
          key: 'summary',
          type: 'long_text',
          label: {
            fr: 'Résumé du projet',
            ar: 'ملخص المشروع',
            zgh: 'ⴰⴳⵣⵣⵓⵍ ⵏ ⵓⵙⵏⴼⴰⵔ',
            en: 'Project summary',
          },
          hint: {
            fr: 'Au moins 200 caractères : le problème, la solution, les clients visés et ce qui rend le projet innovant.',
            ar: '200 حرف على الأقل: المشكلة، والحل، والزبناء المستهدفون، وما يجعل المشروع مبتكرًا.',
            zgh: '200 ⵏ ⵢⵉⵙⴽⴽⵉⵍⵏ ⵏⵖ ⵓⴳⴳⴰⵔ: ⵜⴰⵎⵓⴽⵔⵉⵙⵜ, ⵜⴰⴼⵙⵙⵉ, ⵉⵎⵙⴰⵖⵏ ⵉⵜⵜⵓⵙⵉⴳⴳⵍⵏ ⴷ ⵎⴰⵢⵏ ⵉⴳⴰⵏ ⴰⵙⵏⴼⴰⵔ ⴰⵎⴰⵢⵏⵓ.',
            en: 'At least 200 characters: the problem, the solution, the target customers and what makes the project innovative.',
          },
          required: true,
          minLength: 200,
          maxLength: 5000,
        },
        {
          key: 'planned_start_on',
          type: 'date',
          label: {
            fr: 'Date de démarrage prévue',
            ar: 'تاريخ الانطلاق المتوقع',
            zgh: 'ⴰⵙⴰⴽⵓⴷ ⵏ ⵓⵙⵏⵜⵉ ⵏ ⵓⵙⵏⴼⴰⵔ',
            en: 'Planned start date',
          },
          hint: {
            fr: 'Le premier versement de la bourse suit cette date.',
            ar: 'يُصرف القسط الأول من المنحة بعد هذا التاريخ.',
            zgh: 'ⵉⴷⵔⵉⵎⵏ ⵉⵎⵣⵡⵓⵔⴰ ⵏ ⵜⵎⵓⵙⵙⵏⵜ ⵜⵜⵓⴼⴽⴰⵏ ⴷⴼⴼⵉⵔ ⵓⵙⴰⴽⵓⴷ ⴰⴷ.',
            en: 'The first stipend payment follows this date.',
          },
          required: true,
        },
      ],
    },
    {
      key: 'documents',
      title: { fr: 'Pièces jointes', ar: 'الوثائق المرفقة', zgh: 'ⵉⵙⴷⵍⵉⵙⵏ', en: 'Documents' },
      fields: [
        {
          key: 'cv',
          type: 'file',
          label: {
            fr: 'Curriculum vitae',
            ar: 'السيرة الذاتية',
            zgh: 'ⴰⵙⴷⵍⵉⵙ ⵏ ⵓⴱⵔⵉⴷ ⴰⵎⵙⵡⵓⵔⵉ (CV)',
            en: 'Curriculum vitae',
          },
          hint: {
            fr: 'PDF, 5 Mo au plus.',
            ar: 'ملف PDF، 5 ميغابايت على الأكثر.',
            zgh: 'PDF, 5 MB ⵏⵖ ⴷⵔⵓⵙ.',
            en: 'PDF, at most 5 MB.',
          },
          required: true,
          accept: PDF,
          maxSizeMb: 5,
        },
        {
          key: 'employment_proof',
          type: 'file',
          label: {
            fr: 'Justificatif d’emploi',
            ar: 'وثيقة تثبت الشغل',
            zgh: 'ⴰⵙⴷⵍⵉⵙ ⵏ ⵓⵙⵏⵜⵎ ⵏ ⵜⵡⵓⵔⵉ',
            en: 'Proof of employment',
          },
          hint: {
            fr: 'Attestation de travail, dernier bulletin de paie ou lettre de démission visée par l’employeur (PDF, PNG ou JPEG, 5 Mo au plus).',
            ar: 'شهادة العمل أو آخر ورقة أداء أو رسالة الاستقالة مؤشَّرًا عليها من المشغِّل (PDF أو PNG أو JPEG، 5 ميغابايت على الأكثر).',
            zgh: 'ⴰⵙⴷⵍⵉⵙ ⵏ ⵜⵡⵓⵔⵉ, ⴰⵙⴷⵍⵉⵙ ⴰⵎⴳⴳⴰⵔⵓ ⵏ ⵓⵖⵔⴰⴹ ⵏⵖ ⵜⴰⴱⵔⴰⵜ ⵏⵏⴰ ⵙ ⵜⴼⵍⴷ ⵜⴰⵡⵓⵔⵉ (PDF, PNG ⵏⵖ JPEG, 5 MB ⵏⵖ ⴷⵔⵓⵙ).',
            en: 'Employment certificate, latest payslip or resignation letter acknowledged by the employer (PDF, PNG or JPEG, at most 5 MB).',
          },
          required: true,
          accept: PDF_OR_IMAGE,
          maxSizeMb: 5,
        },
      ],
    },
  ],
}
