import factory from '@adonisjs/lucid/factories'
import { DateTime } from 'luxon'
import Programme from '#programmes/models/programme'
import Call from '#programmes/models/call'
import FormVersion from '#programmes/models/form_version'
import type { FormDefinition } from '#programmes/forms/form_definition'
import type { RuleSet } from '#eligibility/rule_set'
import RuleSetVersion from '#eligibility/models/rule_set_version'

/**
 * A small form every kind can use in tests: one required text, the amount requested (the
 * declared requested amount), one optional PDF.
 */
export const MINIMAL_FORM: FormDefinition = {
  sections: [
    {
      key: 'project',
      title: { fr: 'Projet', en: 'Project' },
      fields: [
        {
          key: 'name',
          type: 'text',
          label: { fr: 'Nom du projet', en: 'Project name' },
          required: true,
        },
        {
          key: 'amount',
          type: 'money',
          requestedAmount: true,
          label: { fr: 'Montant demandé', en: 'Amount requested' },
          min: 0,
          max: 1_000_000,
        },
        {
          key: 'deck',
          type: 'file',
          label: { fr: 'Présentation', en: 'Pitch deck' },
          accept: ['application/pdf'],
          maxSizeMb: 5,
        },
      ],
    },
  ],
}

/** MINIMAL_FORM that does not say which field is the amount requested (a legacy form). */
export const FORM_WITHOUT_REQUESTED_AMOUNT: FormDefinition = {
  sections: MINIMAL_FORM.sections.map((section) => ({
    ...section,
    fields: section.fields.map(({ requestedAmount: _declared, ...field }) => field),
  })),
}

export const ProgrammeFactory = factory
  .define(Programme, ({ faker }) => ({
    code: `T-${faker.string.alphanumeric(10).toUpperCase()}`,
    kind: 'startup_offer' as const,
    stage: 'early' as const,
    title: { fr: 'Offre Startup Maroc — amorçage', en: 'Startup Maroc offer — early stage' },
    summary: {},
    grantCeilingCentimes: 50_000_000,
  }))
  .state('livingGrant', (programme) => {
    programme.kind = 'living_grant'
    programme.stage = null
    programme.grantCeilingCentimes = null
    programme.monthlyStipendCentimes = 1_500_000
    programme.stipendMonths = 12
  })
  .state('vcCall', (programme) => {
    programme.kind = 'vc_call'
    programme.stage = null
    programme.grantCeilingCentimes = null
  })
  .build()

/** An open call (opened yesterday, closing in 30 days) with version 1 of MINIMAL_FORM. */
export const CallFactory = factory
  .define(Call, () => ({
    title: { fr: 'Appel 2026', en: 'Call 2026' },
    description: { fr: 'Un appel de test.', en: 'A test call.' },
    state: 'open' as const,
    opensAt: DateTime.utc().minus({ days: 1 }),
    closesAt: DateTime.utc().plus({ days: 30 }),
    envelopeCentimes: 1_000_000_000,
    blindReview: false,
  }))
  .state('draft', (call) => {
    call.state = 'draft'
  })
  .relation('formVersions', () => FormVersionFactory)
  .build()

export const FormVersionFactory = factory
  .define(FormVersion, () => ({
    version: 1,
    definition: MINIMAL_FORM,
    frozenAt: null,
  }))
  .build()

/** An open call of the given programme kind, with version 1 of its form loaded. */
export async function openCallOf(
  kind: 'startup_offer' | 'living_grant' | 'vc_call' = 'startup_offer',
  definition: FormDefinition = MINIMAL_FORM
) {
  const programmeFactory =
    kind === 'living_grant'
      ? ProgrammeFactory.apply('livingGrant')
      : kind === 'vc_call'
        ? ProgrammeFactory.apply('vcCall')
        : ProgrammeFactory
  const programme = await programmeFactory.create()
  const call = await CallFactory.merge({ programmeId: programme.id })
    .with('formVersions', 1, (version) => version.merge({ definition }))
    .create()
  await call.load('programme')
  return call
}

/** A rule set anyone answering MINIMAL_FORM can pass or fail on the amount asked. */
export const MINIMAL_RULES: RuleSet = {
  eligibility: {
    all: [
      {
        id: 'amount_ceiling',
        field: 'project.amount',
        operator: 'lte',
        value: { mad: 500_000 },
        message: {
          fr: 'Le montant demandé ne peut dépasser 500 000 MAD.',
          en: 'At most 500,000 MAD.',
        },
      },
    ],
  },
  scoring: [
    {
      id: 'amount',
      label: { fr: 'Montant demandé', en: 'Amount requested' },
      field: 'project.amount',
      weight: 100,
      bands: [
        { max: { mad: 100_000 }, points: 1 },
        { min: { mad: 100_000 }, points: 0.5 },
      ],
    },
  ],
}

/** Publishes a rule set version for a call (version 1 unless told). */
export function publishRules(call: Call, rules: RuleSet = MINIMAL_RULES, version = 1) {
  return RuleSetVersion.create({ callId: call.id, version, rules, publishedAt: DateTime.utc() })
}
