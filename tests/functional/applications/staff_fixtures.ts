import { DateTime } from 'luxon'
import Application from '#applications/models/application'
import FormVersion from '#programmes/models/form_version'
import { UserFactory } from '#database/factories/user_factory'
import type { ApplicationState } from '#applications/application_lifecycle'
import type { FormAnswers, FormDefinition } from '#programmes/forms/form_definition'
import type Call from '#programmes/models/call'

/** A form with one field of each kind an export has to write (files and groups are left out). */
export const STAFF_FORM: FormDefinition = {
  sections: [
    {
      key: 'project',
      title: { fr: 'Projet', en: 'Project' },
      fields: [
        { key: 'name', type: 'text', label: { fr: 'Nom du projet', en: 'Project name' } },
        { key: 'amount', type: 'money', label: { fr: 'Montant demandé', en: 'Amount' } },
        {
          key: 'sector',
          type: 'select',
          label: { fr: 'Secteur', en: 'Sector' },
          options: [
            { value: 'agritech', label: { fr: 'Agritech', en: 'Agritech' } },
            { value: 'fintech', label: { fr: 'Fintech', en: 'Fintech' } },
          ],
        },
        {
          key: 'markets',
          type: 'multi_select',
          label: { fr: 'Marchés', en: 'Markets' },
          options: [
            { value: 'ma', label: { fr: 'Maroc', en: 'Morocco' } },
            { value: 'africa', label: { fr: 'Afrique', en: 'Africa' } },
          ],
        },
        {
          key: 'women_led',
          type: 'boolean',
          label: { fr: 'Dirigée par une femme', en: 'Women-led' },
        },
        { key: 'founded_on', type: 'date', label: { fr: 'Date de création', en: 'Founded on' } },
        { key: 'deck', type: 'file', label: { fr: 'Présentation', en: 'Pitch deck' } },
      ],
    },
    {
      key: 'team',
      title: { fr: 'Équipe', en: 'Team' },
      fields: [
        { key: 'size', type: 'number', label: { fr: "Taille de l'équipe", en: 'Team size' } },
        {
          key: 'founders',
          type: 'group',
          label: { fr: 'Fondateurs', en: 'Founders' },
          fields: [{ key: 'name', type: 'text', label: { fr: 'Nom', en: 'Name' } }],
        },
      ],
    },
  ],
}

let nextNumber = 100_000 + Math.floor(Math.random() * 800_000)

interface SubmittedOptions {
  title?: string
  fullName?: string
  email?: string
  region?: string | null
  state?: ApplicationState
  answers?: FormAnswers
  submittedAt?: DateTime
  organizationId?: number | null
}

/**
 * An application already submitted to `call` (reference, form version, snapshot and time
 * set together, as the database requires), by a new applicant.
 */
export async function submittedTo(call: Call, options: SubmittedOptions = {}) {
  const applicant = await UserFactory.merge({
    ...(options.fullName ? { fullName: options.fullName } : {}),
    ...(options.email ? { email: options.email } : {}),
  }).create()
  const form = await FormVersion.query()
    .where('call_id', call.id)
    .orderBy('version', 'desc')
    .firstOrFail()
  const reference = `SM-2026-${String(nextNumber++).padStart(6, '0')}`
  return Application.create({
    callId: call.id,
    applicantId: applicant.id,
    organizationId: options.organizationId ?? null,
    state: options.state ?? 'submitted',
    answers: {},
    reference,
    formVersionId: form.id,
    submittedAnswers: options.answers ?? { project: { name: 'Projet' } },
    submittedAt: options.submittedAt ?? DateTime.utc().minus({ hours: 1 }),
    region: options.region === undefined ? 'souss_massa' : options.region,
    title: options.title ?? applicant.fullName,
  })
}

/** A draft of `call` by a new applicant: no reference, no snapshot. */
export async function draftTo(call: Call, title: string) {
  const applicant = await UserFactory.create()
  return Application.create({
    callId: call.id,
    applicantId: applicant.id,
    state: 'draft',
    answers: {},
    region: 'oriental',
    title,
  })
}
