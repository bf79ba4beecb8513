import { test } from '@japa/runner'
import { readFile } from 'node:fs/promises'
import { errors } from '@vinejs/vine'
import app from '@adonisjs/core/services/app'
import { checkFormDefinition } from '#programmes/forms/definition_checker'
import { answersValidator } from '#programmes/forms/answers_validator'
import type {
  FieldDefinition,
  FormAnswers,
  FormDefinition,
} from '#programmes/forms/form_definition'
import type { LocalizedText } from '#core/i18n/localized_text'
import { LOCALES } from '#core/i18n/locales'
import { STARTUP_STAGES } from '#programmes/models/programme'
import { MOROCCAN_REGIONS } from '#identity/validators/organization'
import { APPLICATION_FORMS, type ApplicationFormKind } from '#database/forms/index'
import { REGION_OPTIONS } from '#database/forms/options'

const KINDS = Object.keys(APPLICATION_FORMS) as ApplicationFormKind[]
const TIFINAGH = /[\u2D30-\u2D7F]/
const ARABIC = /[\u0600-\u06FF]/

/** Every text of a definition a person reads, with where it is. */
function* textsOf(definition: FormDefinition): Generator<[string, LocalizedText]> {
  function* ofFields(fields: FieldDefinition[], at: string): Generator<[string, LocalizedText]> {
    for (const field of fields) {
      const path = `${at}.${field.key}`
      yield [`${path}.label`, field.label]
      if (field.hint) yield [`${path}.hint`, field.hint]
      for (const option of field.options ?? []) {
        yield [`${path}.options.${option.value}`, option.label]
      }
      if (field.fields) yield* ofFields(field.fields, path)
    }
  }
  for (const section of definition.sections) {
    yield [`${section.key}.title`, section.title]
    yield* ofFields(section.fields, section.key)
  }
}

/** Realistic, complete applications; files are ids of documents already uploaded. */
const COMPLETE_ANSWERS: Record<ApplicationFormKind, FormAnswers> = {
  startup_offer: {
    startup: {
      name: 'Atlas AgriTech',
      legal_form: 'sarl',
      founded_on: '2024-03-12',
      region: 'souss_massa',
      sector: 'agritech',
      stage: 'early',
    },
    team: {
      founders: [
        { full_name: 'Amine Idrissi', role: 'CEO', experience_years: '9', gender: 'male' },
        { full_name: 'Salma Ait Lahcen', role: 'CTO', experience_years: 6, gender: 'female' },
      ],
    },
    project: {
      innovation:
        'Des capteurs d’humidité bon marché et une application en darija qui indiquent aux ' +
        'petits agriculteurs du Souss quand et combien irriguer, à partir des prévisions météo.',
      market:
        'Plus de 40 000 exploitations irriguées dans le Souss-Massa, puis l’Oriental et le Haouz ; ' +
        'concurrents : des solutions importées dix fois plus chères, pensées pour les grands domaines.',
    },
    traction: {
      summary: 'Pilote sur 120 exploitations avec l’ORMVA, 18 % d’eau économisée en moyenne.',
      monthly_revenue: '38500.50',
      active_users: 640,
    },
    funding: {
      amount_requested: 450_000,
      use_of_funds:
        'Fabrication de 1 000 capteurs (180 000 MAD), recrutement de deux techniciens terrain ' +
        '(160 000 MAD), traduction en amazigh et marketing coopératif (110 000 MAD).',
    },
    documents: { pitch_deck: 41 },
  },
  living_grant: {
    experience: {
      years_of_experience: 8,
      current_employer: 'OCP Group',
      employment_status: 'resigned',
      resigned_on: '2026-01-31',
    },
    project: {
      innovation_type: 'disruptive',
      summary:
        'Une plateforme de maintenance prédictive pour les pompes des stations de dessalement, ' +
        'fondée sur l’analyse des vibrations et de la consommation électrique. Les exploitants ' +
        'marocains subissent des arrêts non planifiés coûteux ; notre modèle, entraîné sur huit ' +
        'ans de données industrielles, prévoit les pannes trois semaines à l’avance.',
      planned_start_on: '2026-03-01',
    },
    documents: { cv: 7, employment_proof: 8 },
  },
  vc_call: {
    fund: {
      fund_name: 'Sahara Ventures Fund II',
      target_size: 400_000_000,
      first_close_on: '2026-06-30',
      domiciliation: 'morocco',
    },
    strategy: {
      stages: ['seed', 'series_a'],
      sectors: ['fintech', 'ai_data', 'cleantech'],
      geography: 'Maroc en priorité, puis Afrique de l’Ouest francophone.',
      morocco_share: 60,
    },
    team: {
      management_team:
        'Trois associés à temps plein, 35 ans d’expérience cumulée en capital-risque entre ' +
        'Casablanca et Paris ; 22 investissements dont 14 au Maroc ; bureau à Casablanca.',
      previous_funds: [
        { name: 'Sahara Ventures I', vintage_year: 2018, size: 250_000_000, tvpi: 1.9, dpi: 0.6 },
        { name: 'Atlas Seed Fund', vintage_year: 2014, size: 80_000_000, tvpi: 2.4, dpi: 1.8 },
      ],
    },
    terms: { requested_commitment: 100_000_000, management_fee: 2, carried_interest: 20 },
    esg: {
      esg_policy:
        'Liste d’exclusion IFC, questionnaire ESG annuel pour chaque participation, objectif de ' +
        '30 % de startups cofondées par des femmes et comité ESG avec un membre indépendant.',
    },
    documents: { ppm: 101, track_record: 102 },
  },
}

async function fieldsRefused(definition: FormDefinition, answers: unknown): Promise<string[]> {
  try {
    await answersValidator(definition, 'submission').validate(answers)
    return []
  } catch (error) {
    if (!(error instanceof errors.E_VALIDATION_ERROR)) throw error
    return (error.messages as { field: string }[]).map((message) => message.field)
  }
}

test.group('Seeded application forms', () => {
  test(
    'the {$self} form is a valid definition for its kind, the requested amount declared where needed'
  )
    .with(KINDS)
    .run(({ assert }, kind) => {
      assert.deepEqual(checkFormDefinition(APPLICATION_FORMS[kind], kind), [])
    })

  test('every text of the {$self} form exists in the four languages, each in its script')
    .with(KINDS)
    .run(({ assert }, kind) => {
      for (const [path, text] of textsOf(APPLICATION_FORMS[kind])) {
        for (const locale of LOCALES) {
          assert.isNotEmpty(text[locale]?.trim(), `${path} has no ${locale} text`)
        }
        assert.match(text.zgh!, TIFINAGH, `${path}.zgh is not written in Tifinagh`)
        assert.notMatch(text.zgh!, ARABIC, `${path}.zgh mixes in Arabic script`)
        assert.match(text.ar!, ARABIC, `${path}.ar is not written in Arabic script`)
        assert.notMatch(text.ar!, TIFINAGH, `${path}.ar mixes in Tifinagh`)
        for (const latin of ['fr', 'en'] as const) {
          assert.notMatch(text[latin]!, ARABIC, `${path}.${latin} has Arabic script`)
          assert.notMatch(text[latin]!, TIFINAGH, `${path}.${latin} has Tifinagh`)
        }
      }
    })

  test('regions are the twelve used by organizations, named as in the language files', async ({
    assert,
  }) => {
    assert.deepEqual(
      REGION_OPTIONS.map((option) => option.value),
      [...MOROCCAN_REGIONS]
    )
    for (const locale of LOCALES) {
      const names = JSON.parse(
        await readFile(app.languageFilesPath(locale, 'regions.json'), 'utf8')
      ) as Record<string, string>
      for (const option of REGION_OPTIONS) {
        assert.equal(option.label[locale], names[option.value], `${option.value} in ${locale}`)
      }
    }
  })

  test('the form names each stage as the catalogue does, in every language', async ({ assert }) => {
    const stage = APPLICATION_FORMS.startup_offer.sections
      .find((section) => section.key === 'startup')!
      .fields.find((field) => field.key === 'stage')!
    for (const locale of LOCALES) {
      const catalogue = JSON.parse(
        await readFile(app.languageFilesPath(locale, 'catalogue.json'), 'utf8')
      ) as { stages: Record<string, string> }
      for (const option of stage.options!) {
        assert.equal(
          option.label[locale],
          catalogue.stages[option.value],
          `${option.value} in ${locale}`
        )
      }
    }
  })

  test('the startup offer asks for the stages programmes are defined with', ({ assert }) => {
    const stage = APPLICATION_FORMS.startup_offer.sections
      .find((section) => section.key === 'startup')!
      .fields.find((field) => field.key === 'stage')!
    assert.deepEqual(
      stage.options!.map((option) => option.value),
      [...STARTUP_STAGES]
    )
  })
})

test.group('Submitting on a seeded form', () => {
  test('a complete {$self} application is accepted')
    .with(KINDS)
    .run(async ({ assert }, kind) => {
      const definition = APPLICATION_FORMS[kind]
      assert.deepEqual(await fieldsRefused(definition, COMPLETE_ANSWERS[kind]), [])
    })

  test('answers are cast: dirhams to centimes, text numbers to numbers', async ({ assert }) => {
    const valid = await answersValidator(APPLICATION_FORMS.startup_offer, 'submission').validate(
      COMPLETE_ANSWERS.startup_offer
    )
    assert.equal(valid.funding.amount_requested, 45_000_000)
    assert.equal(valid.traction.monthly_revenue, 3_850_050)
    assert.equal(valid.team.founders[0].experience_years, 9)
    assert.equal(valid.startup.founded_on, '2024-03-12')
  })

  test('a {$self} application may leave every optional field empty')
    .with(KINDS)
    .run(async ({ assert }, kind) => {
      const definition = APPLICATION_FORMS[kind]
      const answers = structuredClone(COMPLETE_ANSWERS[kind])
      for (const section of definition.sections) {
        for (const field of section.fields) {
          if (!field.required) delete answers[section.key][field.key]
          if (field.type === 'group' && Array.isArray(answers[section.key][field.key])) {
            for (const entry of answers[section.key][field.key] as Record<string, unknown>[]) {
              for (const sub of field.fields!) if (!sub.required) delete entry[sub.key]
            }
          }
        }
      }
      assert.deepEqual(await fieldsRefused(definition, answers), [])
    })

  test('each required field missing from a {$self} application is refused at its path')
    .with(KINDS)
    .run(async ({ assert }, kind) => {
      const definition = APPLICATION_FORMS[kind]
      const expectations: Array<[string, (answers: FormAnswers) => void]> = []
      for (const section of definition.sections) {
        for (const field of section.fields) {
          if (field.required) {
            expectations.push([
              `${section.key}.${field.key}`,
              (answers) => delete answers[section.key][field.key],
            ])
          }
          for (const sub of field.fields ?? []) {
            if (!sub.required) continue
            expectations.push([
              `${section.key}.${field.key}.0.${sub.key}`,
              (answers) => {
                const entries = answers[section.key][field.key] as Record<string, unknown>[]
                delete entries[0][sub.key]
              },
            ])
          }
        }
      }
      assert.isAbove(expectations.length, 5)
      for (const [path, removeAnswer] of expectations) {
        const answers = structuredClone(COMPLETE_ANSWERS[kind])
        removeAnswer(answers)
        assert.deepEqual(await fieldsRefused(definition, answers), [path], `without ${path}`)
      }
    })

  test('limits of the seeded forms are enforced', async ({ assert }) => {
    const tooMuch = structuredClone(COMPLETE_ANSWERS.startup_offer)
    tooMuch.funding.amount_requested = 2_000_000.01
    assert.deepEqual(await fieldsRefused(APPLICATION_FORMS.startup_offer, tooMuch), [
      'funding.amount_requested',
    ])

    const shortSummary = structuredClone(COMPLETE_ANSWERS.living_grant)
    shortSummary.project.summary = 'Une application de covoiturage.'
    assert.deepEqual(await fieldsRefused(APPLICATION_FORMS.living_grant, shortSummary), [
      'project.summary',
    ])

    const overCommitted = structuredClone(COMPLETE_ANSWERS.vc_call)
    overCommitted.strategy.morocco_share = 120
    overCommitted.strategy.sectors = ['fintech', 'space_mining']
    assert.sameMembers(await fieldsRefused(APPLICATION_FORMS.vc_call, overCommitted), [
      'strategy.morocco_share',
      'strategy.sectors.1',
    ])
  })
})
