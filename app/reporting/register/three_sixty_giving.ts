import { createHash } from 'node:crypto'
import { csvLine, madDecimal, UTF8_BOM, type CsvValue } from '#core/csv'

/**
 * The 360Giving Data Standard (schema 1.4, https://standard.threesixtygiving.org): a
 * package `{ grants: [...] , version, ... }` of grants, each with id, title, description,
 * currency, amountAwarded, awardDate, fundingOrganization and a recipient (organisation
 * or individual). Pure functions: the register's rows in, the JSON package and its CSV
 * (the summary table, columns titled as 360Giving titles them) out.
 *
 * Identifiers. 360Giving asks each publisher for a prefix starting with `360G-`, followed
 * by an identifier from its own records. Ours is `360G-manassa`: grants are
 * `360G-manassa-<call id>-<decision id>` (the decision id is an internal number, never a
 * credential, unlike the application reference the applicant uses to sign in to their
 * file); organisations are `360G-manassa-ORG-<organisation id>`, since startups do not
 * all have a registration number on file to build an org-id.guide identifier from;
 * individuals who consented are `360G-manassa-IND-<decision id>` (never their CIN).
 * Individuals who did not consent appear as one line per call, `360G-manassa-<call
 * id>-individuals`, named "Individual recipients" and summing their grants.
 */
export const SCHEMA_VERSION = '1.4'
export const PUBLISHER_PREFIX = '360G-manassa'
export const LICENSE_URL = 'https://creativecommons.org/licenses/by/4.0/'
const CURRENCY = 'MAD'

/** One awarded grant of a call, as the register query reads it. */
export interface RegisterGrantRow {
  decisionId: number
  awardedCentimes: number
  disbursedCentimes: number
  /** When the award was published (the decision's award date). */
  awardedAt: Date
  modifiedAt: Date
  recipient:
    | { kind: 'organization'; id: number; name: string; region: string | null }
    | {
        kind: 'individual'
        userId: number
        /** Present only when the person consents to being named in open data. */
        name: string | null
        region: string | null
      }
  /** Months of a living grant's stipend, when the programme has them. */
  durationMonths: number | null
}

export interface RegisterCall {
  id: number
  title: string
  programme: { code: string; title: string; kind: string }
  /** The public page of the call (absolute URL). */
  url: string
}

export interface RegisterPublisher {
  name: string
  website: string
}

export interface Grant360 {
  id: string
  title: string
  description: string
  currency: string
  amountAwarded: number
  amountDisbursed: number
  awardDate: string
  dateModified: string
  recipientOrganization?: Array<{ id: string; name: string; addressRegion?: string }>
  recipientIndividual?: { id: string; name: string }
  fundingOrganization: Array<{ id: string; name: string }>
  grantProgramme: Array<{ code: string; title: string; url: string }>
  beneficiaryLocation: Array<{ name: string; countryCode: string }>
  plannedDates?: Array<{ duration: number }>
  classifications: Array<{ vocabulary: string; code: string; title: string }>
  fromOpenCall: 'Yes'
}

/** What the register says in words: the French of the public service, region names. */
export interface RegisterWording {
  grantTitle: (recipient: string) => string
  grantDescription: string
  individualsName: string
  individualsTitle: (count: number) => string
  individualsDescription: (count: number) => string
  regionName: (region: string) => string
  kindName: string
}

/** Centimes as a JSON number of MAD (two decimals at most, parsed from the exact text). */
function mad(centimes: number) {
  return Number(madDecimal(centimes))
}

function isoDate(date: Date) {
  return date.toISOString().slice(0, 10)
}

/**
 * The call's grants: one per organisation and per consenting individual, in decision
 * order, then one aggregate line for the individuals who did not consent (if any).
 */
export function grantsOf(
  call: RegisterCall,
  rows: RegisterGrantRow[],
  funder: { id: string; name: string },
  wording: RegisterWording
): Grant360[] {
  const common = (row: { modifiedAt: Date }) => ({
    currency: CURRENCY,
    fundingOrganization: [funder],
    grantProgramme: [
      {
        code: `${PUBLISHER_PREFIX}-${call.programme.code}`,
        title: call.programme.title,
        url: call.url,
      },
    ],
    classifications: [
      {
        vocabulary: `${PUBLISHER_PREFIX}-programme-kind`,
        code: call.programme.kind,
        title: wording.kindName,
      },
    ],
    fromOpenCall: 'Yes' as const,
    dateModified: row.modifiedAt.toISOString(),
  })
  const location = (region: string | null) => [
    region
      ? { name: wording.regionName(region), countryCode: 'MA' }
      : { name: 'Maroc', countryCode: 'MA' },
  ]
  const planned = (row: RegisterGrantRow) =>
    row.durationMonths ? { plannedDates: [{ duration: row.durationMonths }] } : {}

  const grants: Grant360[] = []
  const anonymous: RegisterGrantRow[] = []
  for (const row of rows) {
    const recipient = row.recipient
    if (recipient.kind === 'individual' && recipient.name === null) {
      anonymous.push(row)
      continue
    }
    const name = recipient.name!
    grants.push({
      id: `${PUBLISHER_PREFIX}-${call.id}-${row.decisionId}`,
      title: wording.grantTitle(name),
      description: wording.grantDescription,
      amountAwarded: mad(row.awardedCentimes),
      amountDisbursed: mad(row.disbursedCentimes),
      awardDate: isoDate(row.awardedAt),
      ...(recipient.kind === 'organization'
        ? {
            recipientOrganization: [
              {
                id: `${PUBLISHER_PREFIX}-ORG-${recipient.id}`,
                name,
                ...(recipient.region
                  ? { addressRegion: wording.regionName(recipient.region) }
                  : {}),
              },
            ],
          }
        : {
            recipientIndividual: { id: `${PUBLISHER_PREFIX}-IND-${row.decisionId}`, name },
          }),
      beneficiaryLocation: location(recipient.region),
      ...planned(row),
      ...common(row),
    })
  }
  if (anonymous.length > 0) {
    // No region, no date of a single award, no duration: nothing that narrows it to a person.
    const latest = (pick: (row: RegisterGrantRow) => Date) =>
      new Date(Math.max(...anonymous.map((row) => pick(row).getTime())))
    grants.push({
      id: `${PUBLISHER_PREFIX}-${call.id}-individuals`,
      title: wording.individualsTitle(anonymous.length),
      description: wording.individualsDescription(anonymous.length),
      amountAwarded: mad(anonymous.reduce((sum, row) => sum + row.awardedCentimes, 0)),
      amountDisbursed: mad(anonymous.reduce((sum, row) => sum + row.disbursedCentimes, 0)),
      awardDate: isoDate(latest((row) => row.awardedAt)),
      recipientIndividual: {
        id: `${PUBLISHER_PREFIX}-${call.id}-individuals`,
        name: wording.individualsName,
      },
      beneficiaryLocation: location(null),
      ...common({ modifiedAt: latest((row) => row.modifiedAt) }),
    })
  }
  return grants
}

/** sha256 of the grants: the same register gives the same digest, whatever the release. */
export function digestOf(grants: Grant360[]) {
  return createHash('sha256').update(JSON.stringify(grants)).digest('hex')
}

/** The package around the grants, with the release's own metadata. */
export function packageOf(
  grants: Grant360[],
  release: {
    id: number
    issuedAt: Date
    title: string
    description: string
    jsonUrl: string
    accessUrl: string
  },
  publisher: RegisterPublisher
) {
  return {
    version: SCHEMA_VERSION,
    identifier: `${PUBLISHER_PREFIX}-release-${release.id}`,
    title: release.title,
    description: release.description,
    issued: release.issuedAt.toISOString(),
    modified: release.issuedAt.toISOString(),
    publisher: { name: publisher.name, website: publisher.website },
    license: LICENSE_URL,
    downloadURL: release.jsonUrl,
    accessURL: release.accessUrl,
    grants,
  }
}

/**
 * The summary table (one row per grant), columns titled as 360Giving's spreadsheet
 * template titles them, so a 360Giving tool reads it as it reads the JSON.
 */
export const CSV_COLUMNS: Array<[string, (grant: Grant360) => CsvValue]> = [
  ['Identifier', (grant) => grant.id],
  ['Title', (grant) => grant.title],
  ['Description', (grant) => grant.description],
  ['Currency', (grant) => grant.currency],
  ['Amount Awarded', (grant) => grant.amountAwarded.toFixed(2)],
  ['Amount Disbursed', (grant) => grant.amountDisbursed.toFixed(2)],
  ['Award Date', (grant) => grant.awardDate],
  ['Planned Dates:Duration (months)', (grant) => grant.plannedDates?.[0]?.duration],
  ['Recipient Org:Identifier', (grant) => grant.recipientOrganization?.[0]?.id],
  ['Recipient Org:Name', (grant) => grant.recipientOrganization?.[0]?.name],
  ['Recipient Org:County', (grant) => grant.recipientOrganization?.[0]?.addressRegion],
  ['Recipient Ind:Identifier', (grant) => grant.recipientIndividual?.id],
  ['Recipient Ind:Name', (grant) => grant.recipientIndividual?.name],
  ['Beneficiary Location:Name', (grant) => grant.beneficiaryLocation[0]?.name],
  ['Beneficiary Location:Country Code', (grant) => grant.beneficiaryLocation[0]?.countryCode],
  ['Funding Org:Identifier', (grant) => grant.fundingOrganization[0].id],
  ['Funding Org:Name', (grant) => grant.fundingOrganization[0].name],
  ['Grant Programme:Code', (grant) => grant.grantProgramme[0].code],
  ['Grant Programme:Title', (grant) => grant.grantProgramme[0].title],
  ['Grant Programme:URL', (grant) => grant.grantProgramme[0].url],
  ['Classifications:Vocabulary', (grant) => grant.classifications[0].vocabulary],
  ['Classifications:Code', (grant) => grant.classifications[0].code],
  ['Classifications:Title', (grant) => grant.classifications[0].title],
  ['From An Open Call?', (grant) => grant.fromOpenCall],
  ['Last Modified', (grant) => grant.dateModified],
]

export function csvOf(grants: Grant360[]) {
  return (
    UTF8_BOM +
    csvLine(CSV_COLUMNS.map(([title]) => title)) +
    grants.map((grant) => csvLine(CSV_COLUMNS.map(([, cell]) => cell(grant)))).join('')
  )
}
