/**
 * The 360Giving Data Standard, schema 1.4 (package and grant), written from its published
 * field list (github.com/ThreeSixtyGiving/standard, schema/360-giving-package-schema.json
 * and schema/360-giving-schema.json) in the JSON Schema subset tests/helpers/json_schema.ts
 * checks. What the published schema says is kept as it says it: the package's required
 * `grants` (at least one), the `major.minor` version, the grant's required fields with
 * either `recipientOrganization` or `recipientIndividual` (its `oneOf` of two required
 * lists), the organisation's and the person's required id and name, the date fields that
 * take a full date-time or `YYYY-MM-DD`, the numeric amounts. Only the fields we publish
 * are listed (`additionalProperties: false`), so a field we add by mistake (an email, a
 * CIN) fails the check. Two rules of the standard's guidance are checked too: every
 * identifier we mint carries our registered-style prefix `360G-manassa`, and the
 * currency is an ISO 4217 code. `uniqueItems` (not in the checker's subset) is checked
 * by the tests, on the grant ids.
 */
const DATE_OR_DATE_TIME = {
  type: 'string',
  oneOf: [
    { format: 'date-time' },
    { pattern: '^[0-9]{4}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])$' },
  ],
}
const OUR_ID = { type: 'string', minLength: 1, pattern: '^360G-manassa-[^/\\\\\\s]+$' }

export const threeSixtyGivingPackageSchema = {
  type: 'object',
  required: ['grants'],
  additionalProperties: false,
  properties: {
    grants: { type: 'array', minItems: 1, items: { $ref: '#/$defs/Grant' } },
    version: { type: 'string', pattern: '^(\\d+\\.)(\\d+)$' },
    title: { type: 'string' },
    description: { type: 'string' },
    issued: DATE_OR_DATE_TIME,
    modified: DATE_OR_DATE_TIME,
    identifier: { type: 'string' },
    publisher: {
      type: 'object',
      required: ['name'],
      additionalProperties: false,
      properties: {
        identifier: { type: 'string' },
        name: { type: 'string' },
        website: { type: 'string', pattern: '^https?://' },
        logo: { type: 'string', pattern: '^https?://' },
      },
    },
    downloadURL: { type: 'string', pattern: '^https?://' },
    accessURL: { type: 'string', pattern: '^https?://' },
    license: { type: 'string', pattern: '^https?://' },
  },
  $defs: {
    Grant: {
      type: 'object',
      oneOf: [
        {
          required: [
            'id',
            'title',
            'description',
            'currency',
            'amountAwarded',
            'awardDate',
            'recipientOrganization',
            'fundingOrganization',
          ],
        },
        {
          required: [
            'id',
            'title',
            'description',
            'currency',
            'amountAwarded',
            'awardDate',
            'recipientIndividual',
            'fundingOrganization',
          ],
        },
      ],
      additionalProperties: false,
      properties: {
        id: OUR_ID,
        title: { type: 'string', minLength: 1 },
        description: { type: 'string', minLength: 1 },
        currency: { type: 'string', pattern: '^[A-Z]{3}$' },
        amountAwarded: { type: 'number', minimum: 0 },
        amountDisbursed: { type: 'number', minimum: 0 },
        awardDate: DATE_OR_DATE_TIME,
        dateModified: { type: 'string', format: 'date-time' },
        plannedDates: { type: 'array', items: { $ref: '#/$defs/Event' } },
        recipientOrganization: {
          type: 'array',
          minItems: 1,
          items: { $ref: '#/$defs/Organization' },
        },
        recipientIndividual: { $ref: '#/$defs/Person' },
        fundingOrganization: {
          type: 'array',
          minItems: 1,
          items: { $ref: '#/$defs/Organization' },
        },
        beneficiaryLocation: { type: 'array', items: { $ref: '#/$defs/Location' } },
        grantProgramme: { type: 'array', items: { $ref: '#/$defs/GrantProgramme' } },
        classifications: { type: 'array', items: { $ref: '#/$defs/Classification' } },
        fromOpenCall: { type: 'string', enum: ['Yes', 'No'] },
      },
    },
    Organization: {
      type: 'object',
      required: ['id', 'name'],
      additionalProperties: false,
      properties: {
        id: OUR_ID,
        name: { type: 'string', minLength: 1 },
        addressRegion: { type: 'string' },
      },
    },
    Person: {
      type: 'object',
      required: ['id', 'name'],
      additionalProperties: false,
      properties: { id: OUR_ID, name: { type: 'string', minLength: 1 } },
    },
    Event: {
      type: 'object',
      additionalProperties: false,
      properties: {
        startDate: DATE_OR_DATE_TIME,
        endDate: DATE_OR_DATE_TIME,
        duration: { type: 'number', minimum: 0 },
      },
    },
    Location: {
      type: 'object',
      additionalProperties: false,
      properties: {
        name: { type: ['string', 'null'] },
        countryCode: { type: ['string', 'null'], pattern: '^[A-Z]{2}$' },
      },
    },
    GrantProgramme: {
      type: 'object',
      additionalProperties: false,
      properties: {
        code: { type: 'string' },
        title: { type: ['string', 'null'] },
        url: { type: ['string', 'null'], pattern: '^https?://' },
      },
    },
    Classification: {
      type: 'object',
      additionalProperties: false,
      properties: {
        vocabulary: { type: 'string' },
        code: { type: 'string' },
        title: { type: ['string', 'null'] },
      },
    },
  },
}
