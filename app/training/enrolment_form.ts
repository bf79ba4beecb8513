import i18nManager from '@adonisjs/i18n/services/main'
import type { I18n } from '@adonisjs/i18n'
import { LOCALES } from '#core/i18n/locales'
import type { LocalizedText } from '#core/i18n/localized_text'
import { MOROCCAN_REGIONS } from '#identity/validators/organization'
import type { FieldOption, FormAnswers, FormDefinition } from '#programmes/forms/form_definition'
import { answersMessagesProvider, answersValidator } from '#programmes/forms/answers_validator'

export const GENDERS = ['female', 'male'] as const
export const EDUCATION_LEVELS = [
  'none',
  'secondary',
  'baccalaureate',
  'bac_plus_2',
  'bachelor',
  'master',
  'doctorate',
] as const

/** The section of the form; cohort rules name fields `trainee.<key>` (e.g. `trainee.birth_date`). */
export const ENROLMENT_SECTION = 'trainee'

/** One text in every language, from the lang files (they stay the single source of wording). */
function textOf(key: string): LocalizedText {
  return Object.fromEntries(LOCALES.map((locale) => [locale, i18nManager.locale(locale).t(key)]))
}

function optionsOf(values: readonly string[], prefix: string): FieldOption[] {
  return values.map((value) => ({ value, label: textOf(`${prefix}.${value}`) }))
}

let definition: FormDefinition | undefined

/**
 * The enrolment form, as data (the same FormDefinition as a call's form): it renders
 * the page, builds the validator, and is what a cohort's eligibility rules read.
 * Built once, after the translations are loaded.
 */
export function enrolmentForm(): FormDefinition {
  definition ??= {
    sections: [
      {
        key: ENROLMENT_SECTION,
        title: textOf('training.form.section'),
        fields: [
          {
            key: 'birth_date',
            type: 'date',
            label: textOf('training.form.birth_date'),
            required: true,
          },
          {
            key: 'gender',
            type: 'select',
            label: textOf('training.form.gender'),
            required: true,
            options: optionsOf(GENDERS, 'training.genders'),
          },
          {
            key: 'region',
            type: 'select',
            label: textOf('training.form.region'),
            required: true,
            options: optionsOf(MOROCCAN_REGIONS, 'regions'),
          },
          {
            key: 'education_level',
            type: 'select',
            label: textOf('training.form.education_level'),
            required: true,
            options: optionsOf(EDUCATION_LEVELS, 'training.education_levels'),
          },
          {
            key: 'field_of_study',
            type: 'text',
            label: textOf('training.form.field_of_study'),
            hint: textOf('training.form.field_of_study_hint'),
            maxLength: 120,
          },
          {
            key: 'experience_years',
            type: 'number',
            label: textOf('training.form.experience_years'),
            min: 0,
            max: 60,
          },
          {
            key: 'motivation',
            type: 'long_text',
            label: textOf('training.form.motivation'),
            hint: textOf('training.form.motivation_hint'),
            required: true,
            minLength: 30,
            maxLength: 2000,
          },
        ],
      },
    ],
  }
  return definition
}

let validator: ReturnType<typeof answersValidator> | undefined

/** The form's answers as submitted (`{ trainee: { … } }`), every required field answered. */
export function enrolmentAnswersValidator() {
  validator ??= answersValidator(enrolmentForm(), 'submission')
  return validator
}

/** Messages in the trainee's language naming each field by its label. */
export function enrolmentMessages(i18n: I18n) {
  return answersMessagesProvider(enrolmentForm(), i18n)
}

/** What the national numbers keep of the answers (DESIGN §8 inclusion), on the enrolment row. */
export function demographicsOf(answers: FormAnswers) {
  const trainee = answers[ENROLMENT_SECTION] ?? {}
  return {
    birthDate: typeof trainee.birth_date === 'string' ? trainee.birth_date : null,
    gender: typeof trainee.gender === 'string' ? trainee.gender : null,
    region: typeof trainee.region === 'string' ? trainee.region : null,
  }
}

/**
 * What a request may carry, as plain data: objects (whatever their prototype) become
 * plain objects, arrays stay arrays, strings, finite numbers, booleans and null stay;
 * anything else is dropped. The validator then only ever sees what JSON or a form can say.
 */
export function plainInput(value: unknown, depth = 0): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined
  if (depth > 5 || typeof value !== 'object') return undefined
  if (Array.isArray(value)) return value.map((item) => plainInput(item, depth + 1) ?? null)
  const plain: Record<string, unknown> = {}
  for (const key of Object.keys(value)) {
    const item = plainInput((value as Record<string, unknown>)[key], depth + 1)
    if (item !== undefined) plain[key] = item
  }
  return plain
}
