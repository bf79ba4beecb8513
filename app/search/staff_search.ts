import db from '@adonisjs/lucid/services/db'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import type User from '#identity/models/user'
import type { Role } from '#identity/roles'
import type { LocalizedText } from '#core/i18n/localized_text'

export const SEARCH_PAGE_SIZE = 10

/**
 * What a staff member may search: officers and admins everything; finance officers only
 * what has an agreement (the people and organisations they pay); anyone else nothing.
 * Reviewers never search: in a blind call the names are not theirs to see.
 */
export type SearchScope = 'everything' | 'agreements'

export function searchScopeOf(user: User): SearchScope | null {
  if (user.hasRole('admin', 'programme_officer')) return 'everything'
  if (user.hasRole('finance_officer')) return 'agreements'
  return null
}

/** The typed words, as SQL that builds their tsquery, and its bindings. */
export interface SearchTsQuery {
  sql: string
  bindings: string[]
}

/**
 * The words as a tsquery in the `simple` configuration: every word must match, the last
 * by prefix ("atl" finds "Atlas"). The database folds accents and Arabic spellings
 * (search_text) as in the indexed documents, then `plainto_tsquery` reads the folded text:
 * never the tsquery syntax, since unaccent turns some letters into operators (ʼ → ', ː → :).
 * Only the tsquery's own text form gets the `:*`, so nothing typed can reach the parser.
 */
export function searchTsQuery(text: string): SearchTsQuery | null {
  const words = text
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8)
  const last = words.pop()
  if (!last) return null
  const prefix = `(nullif(plainto_tsquery('simple', search_text(?))::text, '') || ':*')::tsquery`
  if (!words.length) return { sql: prefix, bindings: [last] }
  return {
    sql: `(plainto_tsquery('simple', search_text(?)) && ${prefix})`,
    bindings: [words.join(' '), last],
  }
}

/**
 * The searched expressions, exactly as the GIN indexes of migration 1145 declare them:
 * PostgreSQL uses an expression index only for the very same expression.
 */
const DOCUMENTS = {
  applications: `search_document(coalesce(applications.reference, '') || ' ' || coalesce(applications.title, ''))`,
  organizations: `search_document(organizations.name || ' ' || coalesce(organizations.ice, '') || ' ' || coalesce(organizations.rc_number, ''))`,
  users: `search_document(users.full_name || ' ' || users.email)`,
}

export interface ApplicationHit {
  id: number
  reference: string
  title: string | null
  state: string
  callTitle: LocalizedText
  agreementId: number | null
}

export interface OrganizationHit {
  id: number
  name: string
  kind: string
}

export interface PersonHit {
  id: number
  fullName: string
  email: string
  roles: Role[]
}

export interface SearchGroup<Hit> {
  hits: Hit[]
  total: number
}

export interface SearchResults {
  applications: SearchGroup<ApplicationHit>
  organizations: SearchGroup<OrganizationHit>
  people: SearchGroup<PersonHit>
}

/**
 * One page of each kind of result, best match first, in three queries whatever the page
 * size (each row carries its group's total with `count(*) over ()`).
 */
export async function searchStaff(
  text: string,
  scope: SearchScope,
  page: number
): Promise<SearchResults> {
  const tsQuery = searchTsQuery(text)
  if (!tsQuery) return { applications: empty(), organizations: empty(), people: empty() }
  const offset = (page - 1) * SEARCH_PAGE_SIZE
  // One after the other: a connection (or the test's transaction) runs one query at a time.
  const applications = await applicationsQuery(tsQuery, text, scope).offset(offset)
  const organizations = await organizationsQuery(tsQuery, scope).offset(offset)
  const people = await peopleQuery(tsQuery, scope).offset(offset)
  return {
    applications: groupOf(applications, (row) => ({
      id: row.id,
      reference: row.reference,
      title: row.title,
      state: row.state,
      callTitle: row.call_title,
      agreementId: row.agreement_id,
    })),
    organizations: groupOf(organizations, (row) => ({
      id: row.id,
      name: row.name,
      kind: row.kind,
    })),
    people: groupOf(people, (row) => ({
      id: row.id,
      fullName: row.full_name,
      email: row.email,
      roles: row.roles,
    })),
  }
}

/** What a whole reference number can look like (`SM-2026-000123`). */
const REFERENCE = /^[A-Z0-9-]{2,20}$/

/**
 * Submitted applications (drafts are the applicant's own), or the one whose reference is
 * typed whole (the tokenizer cuts `SM-2026-000123` into `sm`, `-2026`, `-000123`, so the
 * reference is compared as it is, through its unique index).
 */
export function applicationsQuery(tsQuery: SearchTsQuery, text: string, scope: SearchScope) {
  const query = db
    .from('applications')
    .join('calls', 'calls.id', 'applications.call_id')
    .whereNot('applications.state', 'draft')
    .where((match) => {
      match.whereRaw(`${DOCUMENTS.applications} @@ ${tsQuery.sql}`, tsQuery.bindings)
      const reference = text.trim().toUpperCase()
      if (REFERENCE.test(reference)) match.orWhere('applications.reference', reference)
    })
    .select(
      'applications.id',
      'applications.reference',
      'applications.title',
      'applications.state',
      'calls.title as call_title',
      db.raw(
        '(select agreements.id from agreements where agreements.application_id = applications.id) as agreement_id'
      ),
      db.raw('count(*) over () as total')
    )
    .orderByRaw(`ts_rank(${DOCUMENTS.applications}, ${tsQuery.sql}) desc`, tsQuery.bindings)
    .orderBy('applications.id', 'desc')
    .limit(SEARCH_PAGE_SIZE)
  if (scope === 'agreements')
    query.whereExists(agreementOf('agreements.application_id = applications.id'))
  return query
}

export function organizationsQuery(tsQuery: SearchTsQuery, scope: SearchScope) {
  const query = db
    .from('organizations')
    .whereRaw(`${DOCUMENTS.organizations} @@ ${tsQuery.sql}`, tsQuery.bindings)
    .select('id', 'name', 'kind', db.raw('count(*) over () as total'))
    .orderBy('name')
    .orderBy('id')
    .limit(SEARCH_PAGE_SIZE)
  if (scope === 'agreements') {
    query.whereExists((agreement) =>
      agreement
        .from('agreements')
        .join('applications', 'applications.id', 'agreements.application_id')
        .whereRaw('applications.organization_id = organizations.id')
        .select(db.raw('1'))
    )
  }
  return query
}

export function peopleQuery(tsQuery: SearchTsQuery, scope: SearchScope) {
  const query = db
    .from('users')
    .whereRaw(`${DOCUMENTS.users} @@ ${tsQuery.sql}`, tsQuery.bindings)
    // An erased person's row stays (pseudonymised) but is nobody to find.
    .whereNull('erased_at')
    .select('id', 'full_name', 'email', 'roles', db.raw('count(*) over () as total'))
    .orderBy('full_name')
    .orderBy('id')
    .limit(SEARCH_PAGE_SIZE)
  if (scope === 'agreements') query.whereExists(agreementOf('agreements.beneficiary_id = users.id'))
  return query
}

function agreementOf(condition: string) {
  return (agreement: DatabaseQueryBuilderContract) =>
    agreement.from('agreements').whereRaw(condition).select(db.raw('1'))
}

function empty() {
  return { hits: [], total: 0 }
}

function groupOf<Row extends { total: string | number }, Hit>(
  rows: Row[],
  hitOf: (row: Row) => Hit
): SearchGroup<Hit> {
  return { hits: rows.map(hitOf), total: rows.length ? Number(rows[0].total) : 0 }
}
