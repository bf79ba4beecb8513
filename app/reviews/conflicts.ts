import env from '#start/env'

/**
 * Automatic conflicts of interest (DESIGN §5), as a pure function: a reviewer is
 * conflicted with an application when they belong to the organization it is filed for,
 * or when their email shares the applicant's domain (a company, a university) — public
 * mailbox providers excepted, where a shared domain means nothing.
 */

export const PUBLIC_MAIL_DOMAINS = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'outlook.fr',
  'hotmail.com',
  'hotmail.fr',
  'live.com',
  'live.fr',
  'msn.com',
  'yahoo.com',
  'yahoo.fr',
  'ymail.com',
  'icloud.com',
  'me.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'gmx.fr',
  'laposte.net',
  'orange.fr',
  'free.fr',
  'menara.ma',
  'iam.ma',
])

/** The lower-cased domain of an address, or null when it has none. */
export function mailDomainOf(email: string) {
  const at = email.lastIndexOf('@')
  if (at < 0 || at === email.length - 1) return null
  return email
    .slice(at + 1)
    .trim()
    .toLowerCase()
}

/** Shared domains configured for this portal (MAIL_SHARED_DOMAINS, e.g. the office's own). */
const CONFIGURED_SHARED_DOMAINS = new Set(
  (env.get('MAIL_SHARED_DOMAINS') ?? '')
    .split(',')
    .map((domain) => domain.trim().toLowerCase())
    .filter(Boolean)
)

/** The domain two people may share meaningfully (not a public or shared mailbox provider). */
export function institutionalDomainOf(email: string) {
  const domain = mailDomainOf(email)
  return domain === null || PUBLIC_MAIL_DOMAINS.has(domain) || CONFIGURED_SHARED_DOMAINS.has(domain)
    ? null
    : domain
}

export interface ConflictCandidateApplication {
  id: number
  organizationId: number | null
  applicantId: number
  applicantEmail: string
}

export interface ConflictCandidateReviewer {
  id: number
  email: string
  /** Organizations the reviewer is a member of. */
  organizationIds: readonly number[]
}

export type DetectedConflict =
  | { reviewerId: number; organizationId: number; source: 'organization' }
  | { reviewerId: number; applicationId: number; source: 'email_domain' }

/**
 * Every automatic conflict between these reviewers and applications, once each, in a
 * stable order (reviewer, then organization conflicts, then application conflicts).
 * Reviewing one's own application counts as an email-domain conflict, whatever the domain.
 */
export function detectConflicts(
  applications: readonly ConflictCandidateApplication[],
  reviewers: readonly ConflictCandidateReviewer[]
): DetectedConflict[] {
  const byDomain = new Map<string, ConflictCandidateApplication[]>()
  const organizationsFiled = new Set<number>()
  for (const application of applications) {
    if (application.organizationId !== null) organizationsFiled.add(application.organizationId)
    const domain = institutionalDomainOf(application.applicantEmail)
    if (domain === null) continue
    const list = byDomain.get(domain) ?? []
    list.push(application)
    byDomain.set(domain, list)
  }

  const detected: DetectedConflict[] = []
  for (const reviewer of [...reviewers].sort((a, b) => a.id - b.id)) {
    const organizations = [...new Set(reviewer.organizationIds)]
      .filter((id) => organizationsFiled.has(id))
      .sort((a, b) => a - b)
    for (const organizationId of organizations) {
      detected.push({ reviewerId: reviewer.id, organizationId, source: 'organization' })
    }
    const domain = institutionalDomainOf(reviewer.email)
    const sameDomain = new Set((domain && byDomain.get(domain)?.map((a) => a.id)) || [])
    for (const application of applications) {
      if (application.applicantId === reviewer.id) sameDomain.add(application.id)
    }
    for (const applicationId of [...sameDomain].sort((a, b) => a - b)) {
      detected.push({ reviewerId: reviewer.id, applicationId, source: 'email_domain' })
    }
  }
  return detected
}
