import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import type { ApiClient } from '@japa/api-client'
import Application from '#applications/models/application'
import { applicationLifecycle } from '#applications/application_lifecycle'
import Agreement from '#disbursements/models/agreement'
import Decision from '#reviews/models/decision'
import DecisionMail from '#reviews/mails/decision_mail'
import type User from '#identity/models/user'
import type { FormDefinition } from '#programmes/forms/form_definition'
import type { RuleSet } from '#eligibility/rule_set'
import { Money } from '#core/money'
import { openCallOf, publishRules } from '#database/factories/programme_factory'
import { userWithRoles } from '#database/factories/user_factory'
import { OrganizationFactory } from '#database/factories/organization_factory'
import { captureMail, isolateEachTest } from '#tests/helpers/http'
import { pdfText } from '#tests/helpers/pdf_text'

type Kind = 'startup_offer' | 'vc_call' | 'living_grant'

const label = (fr: string) => ({ fr })

/**
 * Each kind's form names its money fields its own way, with a second money field beside
 * the one it declares as the amount requested: the award must read the declared one.
 */
const FORMS: Record<Kind, FormDefinition> = {
  startup_offer: {
    sections: [
      {
        key: 'besoin',
        title: label('Besoin de financement'),
        fields: [
          { key: 'nom', type: 'text', label: label('Nom de la startup'), required: true },
          { key: 'budget_total', type: 'money', label: label('Budget total du projet') },
          {
            key: 'subvention_sollicitee',
            type: 'money',
            label: label('Subvention sollicitée'),
            required: true,
            min: 1,
            max: 2_000_000,
            requestedAmount: true,
          },
        ],
      },
    ],
  },
  vc_call: {
    sections: [
      {
        key: 'fonds',
        title: label('Le fonds'),
        fields: [
          { key: 'nom', type: 'text', label: label('Nom du fonds'), required: true },
          { key: 'taille_cible', type: 'money', label: label('Taille cible') },
          {
            key: 'engagement_sollicite',
            type: 'money',
            label: label('Engagement sollicité'),
            required: true,
            min: 1,
            requestedAmount: true,
          },
        ],
      },
    ],
  },
  living_grant: {
    sections: [
      {
        key: 'parcours',
        title: label('Parcours'),
        fields: [
          { key: 'nom', type: 'text', label: label('Projet'), required: true },
          { key: 'salaire_actuel', type: 'money', label: label('Salaire mensuel actuel') },
        ],
      },
    ],
  },
}

/** The startup offer form under the demo form's names (funding.amount_requested). */
const DEMO_NAMES_FORM: FormDefinition = {
  sections: [
    {
      key: 'funding',
      title: label('Financement demandé'),
      fields: [
        { key: 'name', type: 'text', label: label('Nom de la startup'), required: true },
        {
          key: 'amount_requested',
          type: 'money',
          label: label('Montant demandé (MAD)'),
          required: true,
          min: 1,
          max: 2_000_000,
          requestedAmount: true,
        },
      ],
    },
  ],
}

interface Scenario {
  kind: Kind
  title: string
  form: FormDefinition
  /** What the founder types (French grouping). */
  answers: Record<string, string>
  /** What the award must be, in centimes. */
  awardCentimes: number
}

/** What the founder types (French grouping), and what the award must be, in centimes. */
const CASES: Record<Kind, { answers: Record<string, string>; awardCentimes: number }> = {
  // Asked 150 000 MAD under a 2 000 000 MAD ceiling: 150 000 MAD, not the ceiling.
  startup_offer: {
    answers: {
      'answers[besoin][nom]': 'Atlas AgriTech',
      'answers[besoin][budget_total]': '900 000',
      'answers[besoin][subvention_sollicitee]': '150 000',
    },
    awardCentimes: 15_000_000,
  },
  // Asked 30 000 000 MAD: 30 000 000 MAD committed, not 100 times more.
  vc_call: {
    answers: {
      'answers[fonds][nom]': 'Sahara Ventures II',
      'answers[fonds][taille_cible]': '400 000 000',
      'answers[fonds][engagement_sollicite]': '30 000 000',
    },
    awardCentimes: 3_000_000_000,
  },
  // The stipend of the programme (15 000 MAD × 12), whatever the answers hold.
  living_grant: {
    answers: {
      'answers[parcours][nom]': 'Maintenance prédictive',
      'answers[parcours][salaire_actuel]': '42 000',
    },
    awardCentimes: 18_000_000,
  },
}

const SCENARIOS: Scenario[] = [
  ...(['startup_offer', 'vc_call', 'living_grant'] as const).map((kind) => ({
    kind,
    title: kind,
    form: FORMS[kind],
    ...CASES[kind],
  })),
  // The tester's case: 150 000 MAD asked, the ceiling (2 000 000 MAD) was awarded.
  {
    kind: 'startup_offer',
    title: 'startup_offer under the demo form’s field names',
    form: DEMO_NAMES_FORM,
    answers: {
      'answers[funding][name]': 'Atlas AgriTech',
      'answers[funding][amount_requested]': '150 000',
    },
    awardCentimes: 15_000_000,
  },
]

/** A published rule set checking the declared amount in dirhams (answers hold centimes). */
function rulesFor(form: FormDefinition): RuleSet {
  const [section] = form.sections
  const money = section.fields.find((field) => field.requestedAmount) ?? section.fields[1]
  return {
    eligibility: {
      all: [
        {
          id: 'amount_within_limit',
          field: `${section.key}.${money.key}`,
          operator: 'lte',
          value: { mad: 50_000_000 },
          message: { fr: 'Montant trop élevé.' },
        },
      ],
    },
    scoring: [],
  }
}

/** The founder (a fund manager for the VC call) starts, fills and submits through the routes. */
async function submitThroughTheForm(client: ApiClient, scenario: Scenario, callId: number) {
  const kind = scenario.kind
  const founder = await userWithRoles(kind === 'vc_call' ? 'fund_manager' : 'applicant')
  const start: Record<string, unknown> = {}
  if (kind === 'vc_call') {
    const company = await OrganizationFactory.apply('fundManager').create()
    await db.table('organization_members').insert({
      organization_id: company.id,
      user_id: founder.id,
      role: 'owner',
      created_at: new Date(),
    })
    start.organizationId = company.id
  }
  const started = await client
    .post(`/calls/${callId}/applications`)
    .form(start)
    .loginAs(founder)
    .withCsrfToken()
    .redirects(0)
  started.assertStatus(302)
  const draft = await Application.findByOrFail('call_id', callId)

  const saved = await client
    .put(`/applications/${draft.id}`)
    .form(scenario.answers)
    .loginAs(founder)
    .withCsrfToken()
    .redirects(0)
  saved.assertStatus(302)
  const submitted = await client
    .post(`/applications/${draft.id}/submission`)
    .form({})
    .loginAs(founder)
    .withCsrfToken()
    .redirects(0)
  submitted.assertStatus(302)
  await draft.refresh()
  return { founder, application: draft }
}

/** The committee's part, which this test does not exercise: in review with a good score. */
async function reviewed(application: Application, officer: User) {
  await db.transaction((client) =>
    applicationLifecycle.apply(application, 'in_review', { actor: { id: officer.id }, client })
  )
  await db.table('review_aggregates').insert({
    application_id: application.id,
    call_id: application.callId,
    review_count: 3,
    mean_score: 82,
    std_dev: 4,
    normalized_score: 82,
    disagreement: false,
    updated_at: new Date(),
  })
}

test.group('Award amounts / from the form to the agreement', (group) => {
  isolateEachTest(group)

  for (const scenario of SCENARIOS) {
    test(`${scenario.title}: the amount typed in the form is the amount ranked, awarded, written in the letter and contracted`, async ({
      client,
      assert,
    }) => {
      const { kind } = scenario
      const expected = scenario.awardCentimes
      const call = await openCallOf(kind, scenario.form)
      if (kind === 'startup_offer') {
        call.programme.grantCeilingCentimes = 200_000_000
        await call.programme.save()
      }
      call.envelopeCentimes = 10_000_000_000
      await call.save()
      await publishRules(call, rulesFor(scenario.form))
      const mails = captureMail()

      const { founder, application } = await submitThroughTheForm(client, scenario, call.id)
      assert.equal(application.state, 'eligible', 'the rule on the amount in dirhams passed')
      const officer = await userWithRoles('programme_officer')
      await reviewed(application, officer)
      call.state = 'closed'
      await call.save()

      const ranking = await client
        .get(`/staff/calls/${call.id}/ranking`)
        .loginAs(officer)
        .accept('json')
      ranking.assertStatus(200)
      ranking.assertBodyContains({
        prepared: false,
        rows: [{ applicationId: application.id, amountCentimes: expected, outcome: 'awarded' }],
      })

      // The award run prepares; nothing reaches the founder until it is published.
      const run = await client
        .post(`/staff/calls/${call.id}/awards`)
        .loginAs(officer)
        .withCsrfToken()
        .accept('json')
      run.assertStatus(200)
      run.assertBodyContains({ awarded: 1, waitlisted: 0, rejected: 0 })
      const prepared = await client
        .get(`/staff/calls/${call.id}/ranking`)
        .loginAs(officer)
        .accept('json')
      prepared.assertBodyContains({
        prepared: true,
        selectedCentimes: expected,
        rows: [{ applicationId: application.id, amountCentimes: expected, outcome: 'awarded' }],
      })
      const hidden = await client.get(`/applications/${application.id}/decision`).loginAs(founder)
      hidden.assertStatus(404)
      assert.lengthOf(
        mails.queued((mail) => mail instanceof DecisionMail),
        0
      )

      const publication = await client
        .post(`/staff/calls/${call.id}/decision-publications`)
        .loginAs(officer)
        .withCsrfToken()
        .accept('json')
      publication.assertStatus(200)
      publication.assertBodyContains({ awarded: 1, awardedCentimes: expected })
      const decision = await Decision.findByOrFail('application_id', application.id)
      assert.equal(decision.amountCentimes, expected)
      await call.refresh()
      assert.equal(call.committedCentimes, expected)
      const queued = mails.queued((mail) => mail instanceof DecisionMail) as DecisionMail[]
      assert.lengthOf(queued, 1)
      assert.equal(queued[0].notice.amountCentimes, expected)

      const letter = await client
        .get(`/applications/${application.id}/decision/letter`)
        .loginAs(founder)
      letter.assertStatus(200)
      const text = await pdfText(new Uint8Array(letter.body() as Buffer))
      const amount = Money.ofCentimes(expected)
        .format('fr')
        .replace(/[\u00a0\u202f]/g, ' ')
      assert.include(text, `financement de ${amount}`)

      const accepted = await client
        .post(`/applications/${application.id}/decision/response`)
        .form({ response: 'accepted' })
        .loginAs(founder)
        .withCsrfToken()
        .redirects(0)
      accepted.assertStatus(302)
      const finance = await userWithRoles('finance_officer')
      const created = await client
        .post(`/finance/awards/${decision.id}/agreement`)
        .loginAs(finance)
        .withCsrfToken()
        .redirects(0)
      created.assertStatus(302)
      const agreement = await Agreement.findByOrFail('decision_id', decision.id)
      assert.equal(agreement.totalCentimes, expected)
    })
  }
})
