import { type SchemaRules } from '@adonisjs/lucid/types/schema_generator'

const localizedText = {
  tsType: 'LocalizedText',
  imports: [{ source: '#core/i18n/localized_text', typeImports: ['LocalizedText'] }],
  decorators: [{ name: '@column' }],
}

const formAnswers = {
  tsType: 'FormAnswers',
  imports: [{ source: '#programmes/forms/form_definition', typeImports: ['FormAnswers'] }],
  decorators: [{ name: '@column' }],
}

const stringList = { tsType: 'string[]', imports: [], decorators: [{ name: '@column' }] }

const record = {
  tsType: 'Record<string, unknown>',
  imports: [],
  decorators: [{ name: '@column' }],
}

/**
 * Types for columns the generator cannot infer on its own.
 */
export default {
  types: {
    // config/database.ts parses int8 as a number (money in centimes, counts).
    bigint: { tsType: 'number', imports: [], decorators: [{ name: '@column' }] },
    // …and numeric as a number too (scores, never money).
    decimal: { tsType: 'number', imports: [], decorators: [{ name: '@column' }] },
  },
  columns: {
    title: localizedText,
    summary: localizedText,
    description: localizedText,
  },
  tables: {
    users: {
      columns: {
        roles: {
          tsType: 'Role[]',
          imports: [{ source: '#identity/roles', typeImports: ['Role'] }],
          decorators: [{ name: '@column' }],
        },
      },
    },
    form_versions: {
      columns: {
        definition: {
          tsType: 'FormDefinition',
          imports: [
            { source: '#programmes/forms/form_definition', typeImports: ['FormDefinition'] },
          ],
          decorators: [{ name: '@column' }],
        },
      },
    },
    applications: {
      columns: {
        answers: formAnswers,
        submitted_answers: formAnswers,
        // The name an application goes by in lists (the organization's or the person's).
        title: { tsType: 'string', imports: [], decorators: [{ name: '@column' }] },
      },
    },
    rule_set_versions: {
      columns: {
        rules: {
          tsType: 'RuleSet',
          imports: [{ source: '#eligibility/rule_set', typeImports: ['RuleSet'] }],
          decorators: [{ name: '@column' }],
        },
      },
    },
    application_evaluations: {
      columns: {
        result: {
          tsType: 'Evaluation',
          imports: [{ source: '#eligibility/evaluate', typeImports: ['Evaluation'] }],
          decorators: [{ name: '@column' }],
        },
      },
    },
    audit_logs: {
      columns: {
        metadata: {
          tsType: 'Record<string, unknown>',
          imports: [],
          decorators: [{ name: '@column' }],
        },
      },
    },
    call_rubrics: {
      columns: {
        criteria: {
          tsType: 'RubricCriterion[]',
          imports: [{ source: '#reviews/rubric', typeImports: ['RubricCriterion'] }],
          decorators: [{ name: '@column' }],
        },
      },
    },
    committee_members: { columns: { expertise: stringList } },
    passkeys: { columns: { transports: stringList } },
    reviews: {
      columns: {
        scores: {
          tsType: 'ReviewScores',
          imports: [{ source: '#reviews/rubric', typeImports: ['ReviewScores'] }],
          decorators: [{ name: '@column' }],
        },
      },
    },
    decisions: { columns: { conditions: stringList, reasons: stringList } },
    courses: { columns: { prerequisites: localizedText } },
    cohort_sessions: { columns: { topic: localizedText } },
    cohorts: {
      columns: {
        eligibility_rules: {
          tsType: 'RuleSet | null',
          imports: [{ source: '#eligibility/rule_set', typeImports: ['RuleSet'] }],
          decorators: [{ name: '@column' }],
        },
      },
    },
    enrolments: {
      columns: {
        answers: formAnswers,
        evaluation: {
          tsType: 'Evaluation | null',
          imports: [{ source: '#eligibility/evaluate', typeImports: ['Evaluation'] }],
          decorators: [{ name: '@column' }],
        },
      },
    },
    tranches: { columns: { milestone: localizedText } },
    webhook_events: { columns: { payload: record } },
  },
} satisfies SchemaRules
