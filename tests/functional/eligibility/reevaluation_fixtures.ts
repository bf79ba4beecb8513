import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import { MINIMAL_RULES } from '#database/factories/programme_factory'
import FormVersion from '#programmes/models/form_version'
import type Call from '#programmes/models/call'
import type { ApplicationState } from '#applications/application_lifecycle'
import type { RuleSet } from '#eligibility/rule_set'

/** Version 1: eligible up to 500 000 MAD asked (MINIMAL_RULES). */
export const RULES_V1 = MINIMAL_RULES

/** Version 2: eligible between 200 000 and 950 000 MAD asked. */
export const RULES_V2: RuleSet = {
  ...MINIMAL_RULES,
  eligibility: {
    all: [
      {
        id: 'amount_window',
        field: 'project.amount',
        operator: 'between',
        value: [{ mad: 200_000 }, { mad: 950_000 }],
        message: {
          fr: 'Le montant demandé doit être compris entre 200 000 et 950 000 MAD.',
          en: 'Between 200,000 and 950,000 MAD.',
        },
      },
    ],
  },
}

export interface Seed {
  /** MAD asked in `project.amount`. */
  amount: number
  /** Submitted unless told; a draft has no submission at all. */
  state?: ApplicationState
}

/**
 * Applications to MINIMAL_FORM, each by its own new applicant, inserted in bulk (as many
 * as a test needs, fast). Returns their ids in the order of the seeds.
 */
export async function seedApplications(call: Call, seeds: Seed[]) {
  const form = await FormVersion.query().where('call_id', call.id).firstOrFail()
  const batch = randomUUID().slice(0, 8)
  const { rows: applicants } = await db.rawQuery<{ rows: Array<{ id: number }> }>(
    `INSERT INTO users (email, password, full_name, roles, email_verified_at, created_at, updated_at)
     SELECT 'reeval-' || ? || '-' || i || '@example.test', 'not-a-password-hash',
            'Candidat ' || i, '{applicant}', now(), now(), now()
     FROM generate_series(1, ?) AS i
     ORDER BY i
     RETURNING id`,
    [batch, seeds.length]
  )
  const now = new Date()
  const rows = seeds.map((seed, index) => {
    const submitted = seed.state !== 'draft'
    const answers = { project: { name: `Projet ${index}`, amount: seed.amount * 100 } }
    return {
      call_id: call.id,
      applicant_id: applicants[index].id,
      state: seed.state ?? 'submitted',
      answers: JSON.stringify(answers),
      reference: submitted ? `RV-${batch}-${index}` : null,
      form_version_id: submitted ? form.id : null,
      submitted_answers: submitted ? JSON.stringify(answers) : null,
      submitted_at: submitted ? now : null,
      created_at: now,
      updated_at: now,
    }
  })
  const inserted: Array<{ id: number }> = await db
    .insertQuery()
    .table('applications')
    .multiInsert(rows)
    .returning('id')
  return inserted.map((row) => row.id)
}

export interface Snapshot {
  id: number
  state: ApplicationState
  evaluationId: number | null
  verdictBy: number | null
}

/** In the order of `ids`. */
function inOrderOf<Row>(ids: number[], rows: Row[], idOf: (row: Row) => number) {
  const position = new Map(ids.map((id, index) => [id, index]))
  return rows.sort((a, b) => position.get(idOf(a))! - position.get(idOf(b))!)
}

/** The applications' state and standing evaluation, in the order of `ids`. */
export async function snapshot(ids: number[]): Promise<Snapshot[]> {
  const rows = await db
    .from('applications')
    .whereIn('id', ids)
    .select('id', 'state', 'evaluation_id', 'verdict_by')
  const snapshots = rows.map((row) => ({
    id: row.id as number,
    state: row.state as ApplicationState,
    evaluationId: row.evaluation_id === null ? null : Number(row.evaluation_id),
    verdictBy: row.verdict_by as number | null,
  }))
  return inOrderOf(ids, snapshots, (row) => row.id)
}

/** The stored results of the applications for one rule set version, in the order of `ids`. */
export async function resultsFor(ids: number[], ruleSetVersionId: number) {
  const rows = await db
    .from('application_evaluations')
    .whereIn('application_id', ids)
    .where('rule_set_version_id', ruleSetVersionId)
    .select('id', 'application_id', 'eligible', 'score')
  const results = rows.map((row) => ({
    id: Number(row.id),
    applicationId: row.application_id as number,
    eligible: row.eligible as boolean,
    score: Number(row.score),
  }))
  return inOrderOf(ids, results, (row) => row.applicationId)
}

/** The re-evaluation's transitions of these applications, oldest first. */
export function reevaluationMoves(ids: number[]) {
  return db
    .from('audit_logs')
    .where('subject_type', 'application')
    .whereIn(
      'subject_id',
      ids.map((id) => String(id))
    )
    .where('action', 'application.transition')
    .whereRaw(`metadata->>'job' = 'reevaluation'`)
    .orderBy('id')
    .select('subject_id', 'actor_id', 'from_state', 'to_state', 'metadata')
}
