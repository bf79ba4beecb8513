import { APPLICATION_STATES } from '#applications/application_lifecycle'
import { CALL_KINDS } from '#programmes/open_calls'
import { STARTUP_STAGES } from '#programmes/models/programme'
import { FIELD_TYPES } from '#programmes/forms/form_definition'
import { ORGANIZATION_KINDS } from '#identity/models/organization'
import { REVIEW_STATES } from '#reviews/review_lifecycle'
import { LOCALES } from '#core/i18n/locales'
import { DEFAULT_PER_PAGE, MAX_PER_PAGE } from '#core/pagination'
import { IDEMPOTENCY_HEADER } from '#core/idempotency'
import { RELEASE_REASONS } from '#reporting/register/models/open_data_release'

/**
 * The JSON API's OpenAPI 3.1 description, served at /api/v1/openapi.json. Tests check
 * that every API route is described here with an operationId and its answers, and that
 * real answers match the schemas, so the document cannot fall behind.
 */
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const nullable = (type: string, extra: object = {}) => ({ type: [type, 'null'], ...extra })

/** What is left of a rate limit (POST /tokens; any 429). */
const rateLimitHeaders = {
  'X-RateLimit-Limit': { $ref: '#/components/headers/X-RateLimit-Limit' },
  'X-RateLimit-Remaining': { $ref: '#/components/headers/X-RateLimit-Remaining' },
}

const json = (schema: object, description = 'OK', headers: object = {}) => ({
  description,
  headers,
  content: { 'application/json': { schema } },
})
const data = (name: string) => ({
  type: 'object',
  required: ['data'],
  properties: { data: ref(name) },
})
const page = (name: string) => ({
  type: 'object',
  required: ['data', 'meta', 'links'],
  properties: {
    data: { type: 'array', items: ref(name) },
    meta: ref('PageMeta'),
    links: ref('PageLinks'),
  },
})

const ERROR_DESCRIPTIONS = {
  400: 'Bad request: wrong credentials, or a body that is not valid JSON',
  401: 'No bearer token, or a wrong, expired or revoked one',
  403: 'Authenticated but not allowed (e.g. not a member of the organization, wrong role)',
  404: "Not found, or not yours: someone else's record is indistinguishable from none",
  409: 'Conflict with the current state (e.g. already submitted, call closed or past its deadline)',
  413: 'Body too large (JSON over 1 MB, uploads over 25 MB or the field’s own limit)',
  415: 'Content-Type not accepted (send application/json, or multipart/form-data for uploads)',
  422: 'Invalid input: one entry per field, `field` naming it (`section.field` for answers, the parameter for a query)',
  429: 'Too many requests: wait `Retry-After` seconds',
} as const
type ErrorStatus = keyof typeof ERROR_DESCRIPTIONS

const error = (status: ErrorStatus) => ({
  description: ERROR_DESCRIPTIONS[status],
  headers:
    status === 429
      ? {
          ...rateLimitHeaders,
          'Retry-After': { $ref: '#/components/headers/Retry-After' },
          'X-RateLimit-Reset': { $ref: '#/components/headers/X-RateLimit-Reset' },
        }
      : {},
  content: { 'application/json': { schema: ref('Errors') } },
})
const errors = (...statuses: ErrorStatus[]) =>
  Object.fromEntries([...statuses, 429].map((status) => [status, error(status as ErrorStatus)]))

const idParameter = { $ref: '#/components/parameters/id' }
const pageParameters = [
  { $ref: '#/components/parameters/page' },
  { $ref: '#/components/parameters/perPage' },
]
const idempotencyKey = { $ref: '#/components/parameters/IdempotencyKey' }
const secured = { security: [{ bearer: [] }] }
const jsonBody = (schema: object, required = true) => ({
  required,
  content: { 'application/json': { schema } },
})
const replayedHeader = {
  'Idempotent-Replayed': {
    description: `\`true\` when this is the stored answer to an earlier request with the same ${IDEMPOTENCY_HEADER}`,
    schema: { type: 'string', enum: ['true'] },
  },
}

const localizedText = {
  type: 'object',
  description: 'The text per locale (fr is the default and always the fallback)',
  properties: Object.fromEntries(LOCALES.map((locale) => [locale, { type: 'string' }])),
}

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Manassa API',
    version: '1.1.0',
    description: [
      'Programmes of the Digital Morocco 2030 strategy. Fund manager companies file their proposals to the VC call for expression of interest with their own systems: find the company with GET /organizations, read the call’s form with GET /calls/{id}/form, start an application for the company, save answers, attach documents, submit.',
      'Authentication: a bearer token from POST /tokens (`Authorization: Bearer mns_…`), revoked with DELETE /tokens/current.',
      'Answers: keyed by form section, then field. Each field type has one JSON type: text, long_text, date (`YYYY-MM-DD`), select → string; multi_select → array of strings; number → number; boolean → boolean; file → the integer id of a document uploaded to the field; group → array of objects of its own fields; money → dirhams (MAD) as a JSON number with at most two decimals (a decimal string such as "1250000.50" is accepted too). A draft reads back with these types. Once submitted, the frozen answers hold money in integer centimes of MAD.',
      `Lists: \`page\` (from 1) and \`perPage\` (default ${DEFAULT_PER_PAGE}, at most ${MAX_PER_PAGE}); answers carry \`meta\` (total, page, perPage, lastPage) and \`links\` (first, last, prev, next) that keep the filters. Unknown filter values are a 422, never an empty list.`,
      `Retries: POST /calls/{id}/applications and POST /applications/{id}/submission take an \`${IDEMPOTENCY_HEADER}\` header (1–255 printable ASCII characters, e.g. a UUID). For 24 hours, the same key from the same person on the same route replays the first successful answer (status and body, with \`Idempotent-Replayed: true\`) without doing the work again; a parallel request with the key waits for the first. The same key with another path or body is a 422. A request that failed changed nothing and can be retried with its key.`,
      'Errors: `{ "errors": [{ "message", "field"?, "rule"?, "code"? }] }`, messages in the language of Accept-Language (fr, ar, zgh, en). On every path: a method the path does not serve answers 405 with an `Allow` header naming the methods it takes; an unknown path, or an id that is not a positive 32-bit integer, answers 404; a body that is not valid JSON 400, too large 413, of another Content-Type 415. An unexpected failure answers 500 with only a request reference, never a technical detail.',
      'Rate limits: POST /tokens counts wrong passwords per account and address (10 a minute) and per address (10 in 15 minutes); over either it answers 429 with Retry-After (seconds), and its answers carry X-RateLimit-Limit and X-RateLimit-Remaining of the tighter limit. Any operation may answer 429 when a limit applies to it, with Retry-After; limits applied by @adonisjs/limiter’s throttle middleware also send X-RateLimit-Limit, X-RateLimit-Remaining and, on a 429, X-RateLimit-Reset.',
      'Instants are ISO 8601 in UTC; deadlines are enforced in Africa/Casablanca time.',
    ].join('\n\n'),
  },
  servers: [{ url: '/api/v1' }],
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'mns_…' } },
    parameters: {
      id: { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } },
      page: {
        name: 'page',
        in: 'query',
        schema: { type: 'integer', minimum: 1, maximum: 100_000, default: 1 },
      },
      perPage: {
        name: 'perPage',
        in: 'query',
        schema: { type: 'integer', minimum: 1, maximum: MAX_PER_PAGE, default: DEFAULT_PER_PAGE },
      },
      IdempotencyKey: {
        name: IDEMPOTENCY_HEADER,
        in: 'header',
        required: false,
        description:
          'Replays the first successful answer for 24 hours instead of doing the work again (per person and route)',
        schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7e]+$' },
      },
    },
    headers: {
      'X-RateLimit-Limit': {
        description: 'Requests allowed in the current window',
        schema: { type: 'integer' },
      },
      'X-RateLimit-Remaining': {
        description: 'Requests left in the current window',
        schema: { type: 'integer' },
      },
      'Retry-After': {
        description: 'Seconds to wait before trying again',
        schema: { type: 'integer' },
      },
      'X-RateLimit-Reset': {
        description: 'When the window resets',
        schema: { type: 'string', format: 'date-time' },
      },
    },
    schemas: {
      Errors: {
        type: 'object',
        required: ['errors'],
        properties: { errors: { type: 'array', items: ref('Error') } },
      },
      Error: {
        type: 'object',
        required: ['message'],
        properties: {
          message: { type: 'string', description: 'In the language of Accept-Language' },
          field: {
            type: 'string',
            description:
              'For invalid input: `section.field` for answers, the parameter, body field or header otherwise',
          },
          rule: { type: 'string', description: 'The rule that failed, e.g. `required`, `max`' },
          code: { type: 'string', examples: ['E_DOMAIN', 'E_UNAUTHORIZED_ACCESS'] },
        },
      },
      PageMeta: {
        type: 'object',
        required: ['total', 'page', 'perPage', 'lastPage'],
        properties: {
          total: { type: 'integer', minimum: 0 },
          page: { type: 'integer', minimum: 1 },
          perPage: { type: 'integer', minimum: 1, maximum: MAX_PER_PAGE },
          lastPage: { type: 'integer', minimum: 1 },
        },
      },
      PageLinks: {
        type: 'object',
        required: ['first', 'last', 'prev', 'next'],
        description: 'Relative URLs keeping the filters and page size',
        properties: {
          first: { type: 'string' },
          last: { type: 'string' },
          prev: nullable('string'),
          next: nullable('string'),
        },
      },
      LocalizedText: localizedText,
      User: {
        type: 'object',
        required: ['id', 'email', 'fullName', 'preferredLocale', 'roles', 'emailVerified'],
        properties: {
          id: { type: 'integer' },
          email: { type: 'string', format: 'email' },
          fullName: { type: 'string' },
          preferredLocale: { type: 'string', enum: [...LOCALES] },
          roles: { type: 'array', items: { type: 'string' } },
          emailVerified: { type: 'boolean' },
          createdAt: { type: 'string', format: 'date-time' },
        },
      },
      Token: {
        type: 'object',
        required: ['type', 'token', 'expiresAt', 'user'],
        properties: {
          type: { type: 'string', enum: ['bearer'] },
          token: { type: 'string', description: 'Shown once: `mns_…`' },
          expiresAt: nullable('string', { format: 'date-time' }),
          user: ref('User'),
        },
      },
      Membership: {
        type: 'object',
        required: ['id', 'kind', 'name', 'role'],
        properties: {
          id: { type: 'integer', description: 'The organization (use it as `organizationId`)' },
          kind: { type: 'string', enum: [...ORGANIZATION_KINDS] },
          name: { type: 'string' },
          role: { type: 'string', enum: ['owner', 'member'] },
        },
      },
      OpenDataRelease: {
        type: 'object',
        required: [
          'id',
          'callId',
          'sequence',
          'reason',
          'issuedAt',
          'grantCount',
          'awardedCentimes',
          'disbursedCentimes',
          'links',
        ],
        additionalProperties: false,
        properties: {
          id: { type: 'integer' },
          callId: { type: 'integer' },
          sequence: { type: 'integer', minimum: 1, description: '1, 2, 3… per call' },
          reason: { type: 'string', enum: [...RELEASE_REASONS] },
          issuedAt: { type: 'string', format: 'date-time' },
          grantCount: { type: 'integer', minimum: 0 },
          awardedCentimes: { type: 'integer', minimum: 0, description: 'MAD centimes' },
          disbursedCentimes: { type: 'integer', minimum: 0, description: 'MAD centimes' },
          links: {
            type: 'object',
            required: ['json', 'csv'],
            additionalProperties: false,
            properties: {
              json: { type: 'string', description: 'The 360Giving package (stable URL)' },
              csv: { type: 'string', description: '360Giving summary table (stable URL)' },
            },
          },
        },
      },
      Call: {
        type: 'object',
        required: ['id', 'title', 'programme', 'opensAt', 'closesAt'],
        properties: {
          id: { type: 'integer' },
          title: ref('LocalizedText'),
          programme: {
            type: 'object',
            properties: {
              id: { type: 'integer' },
              kind: { type: 'string', enum: [...CALL_KINDS, 'training'] },
              stage: nullable('string', { enum: [...STARTUP_STAGES, null] }),
              title: ref('LocalizedText'),
            },
          },
          opensAt: { type: 'string', format: 'date-time' },
          closesAt: { type: 'string', format: 'date-time' },
          envelopeCentimes: { type: 'integer', description: 'Budget envelope, MAD centimes' },
          blindReview: { type: 'boolean' },
        },
      },
      CallForm: {
        type: 'object',
        required: ['callId', 'version', 'money', 'requestedAmountField', 'sections'],
        properties: {
          callId: { type: 'integer' },
          version: {
            type: 'integer',
            description: 'Form versions only grow; drafts use the latest',
          },
          money: {
            type: 'object',
            description: 'How money fields are answered',
            properties: {
              currency: { type: 'string', enum: ['MAD'] },
              draftUnit: { type: 'string', enum: ['MAD'] },
              maxDecimals: { type: 'integer' },
              submittedUnit: { type: 'string', enum: ['centimes'] },
            },
          },
          requestedAmountField: nullable('string', {
            description: 'The money field declared as the amount requested, `section.field`',
          }),
          sections: {
            type: 'array',
            items: {
              type: 'object',
              required: ['key', 'title', 'fields'],
              properties: {
                key: { type: 'string' },
                title: ref('LocalizedText'),
                visibleWhen: { oneOf: [ref('VisibleWhen'), { type: 'null' }] },
                fields: { type: 'array', items: ref('FormField') },
              },
            },
          },
        },
      },
      VisibleWhen: {
        type: 'object',
        required: ['field'],
        description:
          'Asked only when the earlier answer `field` (section.field) equals a value, is one of `in`, or is answered (`notEmpty`); answers to questions not asked are dropped on submission and never required',
        properties: {
          field: { type: 'string' },
          equals: { oneOf: [{ type: 'string' }, { type: 'boolean' }] },
          in: { type: 'array', items: { type: 'string' } },
          notEmpty: { type: 'boolean' },
        },
      },
      FormField: {
        type: 'object',
        required: ['key', 'type', 'label', 'hint', 'required'],
        description:
          'A field; the limits present depend on its type, defaults spelled out. Money bounds are in MAD.',
        properties: {
          key: { type: 'string' },
          type: { type: 'string', enum: [...FIELD_TYPES] },
          label: ref('LocalizedText'),
          hint: { oneOf: [ref('LocalizedText'), { type: 'null' }] },
          required: { type: 'boolean' },
          visibleWhen: { oneOf: [ref('VisibleWhen'), { type: 'null' }] },
          minLength: { type: 'integer', description: 'text, long_text' },
          maxLength: { type: 'integer', description: 'text, long_text' },
          min: nullable('number', { description: 'number, money' }),
          max: nullable('number', { description: 'number, money' }),
          requestedAmount: { type: 'boolean', description: 'money' },
          options: {
            type: 'array',
            description: 'select, multi_select',
            items: {
              type: 'object',
              required: ['value', 'label'],
              properties: { value: { type: 'string' }, label: ref('LocalizedText') },
            },
          },
          accept: {
            type: 'array',
            description: 'file: MIME types, checked on content',
            items: { type: 'string' },
          },
          maxSizeMb: { type: 'number', description: 'file' },
          minItems: { type: 'integer', description: 'group: rows required on submission' },
          maxItems: { type: 'integer', description: 'group' },
          fields: {
            type: 'array',
            description: 'group: the fields of a row',
            items: ref('FormField'),
          },
        },
      },
      Answers: {
        type: 'object',
        description:
          'Keyed by section, then field; JSON types per field type (see the description above)',
        additionalProperties: { type: 'object' },
      },
      Application: {
        type: 'object',
        required: ['id', 'callId', 'organizationId', 'state', 'reference', 'answers'],
        properties: {
          id: { type: 'integer' },
          callId: { type: 'integer' },
          organizationId: nullable('integer'),
          state: { type: 'string', enum: [...APPLICATION_STATES] },
          reference: nullable('string', { examples: ['VC-2026-000042'] }),
          answers: ref('Answers'),
          submittedAt: nullable('string', { format: 'date-time' }),
          updatedAt: { type: 'string', format: 'date-time' },
          documents: {
            type: 'array',
            description: 'Listed by GET and PATCH of one application, empty in lists',
            items: ref('Document'),
          },
        },
      },
      Document: {
        type: 'object',
        required: ['id', 'fieldPath', 'originalName', 'mimeType', 'sizeBytes', 'sha256'],
        properties: {
          id: { type: 'integer' },
          fieldPath: { type: 'string', examples: ['documents.ppm'] },
          originalName: { type: 'string' },
          mimeType: { type: 'string', enum: ['application/pdf', 'image/png', 'image/jpeg'] },
          sizeBytes: { type: 'integer' },
          sha256: { type: 'string' },
        },
      },
      ReviewSummary: {
        type: 'object',
        required: ['id', 'callId', 'reference', 'state', 'dueAt', 'submittedAt', 'weightedScore'],
        properties: {
          id: { type: 'integer' },
          callId: { type: 'integer' },
          reference: nullable('string', { description: 'The application’s, never the applicant' }),
          state: { type: 'string', enum: [...REVIEW_STATES] },
          dueAt: { type: 'string', format: 'date-time' },
          submittedAt: nullable('string', { format: 'date-time' }),
          weightedScore: nullable('number', { description: '0–100, once submitted' }),
        },
      },
      Review: {
        type: 'object',
        required: ['id', 'state', 'blind', 'scores', 'rubric', 'application', 'otherReviews'],
        properties: {
          id: { type: 'integer' },
          callId: { type: 'integer' },
          reference: nullable('string'),
          state: { type: 'string', enum: [...REVIEW_STATES] },
          dueAt: { type: 'string', format: 'date-time' },
          submittedAt: nullable('string', { format: 'date-time' }),
          weightedScore: nullable('number'),
          blind: { type: 'boolean', description: 'The applicant’s identity is hidden' },
          scores: {
            type: 'object',
            description: 'By criterion key: `{ "team": { "score": 4, "comment": "…" } }`',
            additionalProperties: { type: 'object' },
          },
          rubric: {
            type: ['object', 'null'],
            properties: {
              scaleMax: { type: 'integer' },
              locked: { type: 'boolean' },
              criteria: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['key', 'label', 'weight'],
                  properties: {
                    key: { type: 'string' },
                    label: ref('LocalizedText'),
                    guidance: { oneOf: [ref('LocalizedText'), { type: 'null' }] },
                    weight: { type: 'number' },
                  },
                },
              },
            },
          },
          application: {
            type: 'object',
            required: ['reference', 'answers', 'documents'],
            properties: {
              reference: nullable('string'),
              submittedAt: nullable('string', { format: 'date-time' }),
              title: nullable('string', { description: 'null when blind' }),
              applicantName: nullable('string', { description: 'null when blind' }),
              organizationName: nullable('string', { description: 'null when blind' }),
              answers: ref('Answers'),
              documents: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    id: { type: 'integer' },
                    fieldPath: { type: 'string' },
                    name: { type: 'string' },
                    mimeType: { type: 'string' },
                    sizeBytes: { type: 'integer' },
                    url: { type: 'string' },
                  },
                },
              },
            },
          },
          otherReviews: {
            type: ['array', 'null'],
            description: 'The other submitted reviews, anonymous, once yours is submitted',
            items: {
              type: 'object',
              properties: {
                position: { type: 'integer' },
                weightedScore: { type: 'number' },
                scores: { type: 'object' },
              },
            },
          },
        },
      },
    },
  },
  paths: {
    '/tokens': {
      post: {
        operationId: 'createToken',
        summary: 'Exchange email and password for a bearer token',
        requestBody: jsonBody({
          type: 'object',
          required: ['email', 'password'],
          properties: {
            email: { type: 'string', format: 'email' },
            password: { type: 'string' },
            name: { type: 'string', description: 'To recognise the token later, e.g. `erp`' },
          },
        }),
        responses: {
          201: json(ref('Token'), 'Token issued', rateLimitHeaders),
          ...errors(400, 413, 415, 422),
        },
      },
    },
    '/tokens/current': {
      delete: {
        operationId: 'revokeCurrentToken',
        summary: 'Revoke the token used for this request (no body in the answer)',
        ...secured,
        responses: {
          204: { description: 'Revoked: the token no longer opens anything' },
          ...errors(401),
        },
      },
    },
    '/me': {
      get: {
        operationId: 'getMe',
        summary: 'The authenticated person',
        ...secured,
        responses: { 200: json(data('User')), ...errors(401) },
      },
    },
    '/organizations': {
      get: {
        operationId: 'listOrganizations',
        summary:
          'The organizations you are a member of, with your role: the `organizationId` to file for',
        ...secured,
        parameters: [
          ...pageParameters,
          { name: 'kind', in: 'query', schema: { type: 'string', enum: [...ORGANIZATION_KINDS] } },
        ],
        responses: { 200: json(page('Membership')), ...errors(401, 422) },
      },
    },
    '/calls': {
      get: {
        operationId: 'listOpenCalls',
        summary: 'Calls open now, soonest deadline first (public)',
        parameters: [
          ...pageParameters,
          { name: 'kind', in: 'query', schema: { type: 'string', enum: [...CALL_KINDS] } },
          {
            name: 'stage',
            in: 'query',
            description: 'Only with kind=startup_offer (or no kind)',
            schema: { type: 'string', enum: [...STARTUP_STAGES] },
          },
        ],
        responses: { 200: json(page('Call')), ...errors(422) },
      },
    },
    '/calls/{id}/form': {
      get: {
        operationId: 'getCallForm',
        summary:
          "A published call's current form: sections, fields, JSON types, labels per locale, options, limits, money format (public)",
        parameters: [idParameter],
        responses: { 200: json(data('CallForm')), ...errors(404) },
      },
    },
    '/calls/{id}/applications': {
      post: {
        operationId: 'startApplication',
        summary: 'Start an application to an open call (or get the draft already there)',
        ...secured,
        parameters: [idParameter, idempotencyKey],
        requestBody: jsonBody(
          {
            type: 'object',
            properties: {
              organizationId: nullable('integer', {
                description:
                  'Required for the VC call: the fund manager company you are a member of (GET /organizations)',
              }),
            },
          },
          false
        ),
        responses: {
          201: json(data('Application'), 'Draft', replayedHeader),
          ...errors(401, 403, 404, 409, 413, 415, 422),
        },
      },
    },
    '/applications': {
      get: {
        operationId: 'listApplications',
        summary: "Your applications and your organizations', last updated first",
        ...secured,
        parameters: [
          ...pageParameters,
          { name: 'callId', in: 'query', schema: { type: 'integer', minimum: 1 } },
          {
            name: 'state',
            in: 'query',
            schema: { type: 'string', enum: [...APPLICATION_STATES] },
          },
        ],
        responses: { 200: json(page('Application')), ...errors(401, 422) },
      },
    },
    '/applications/{id}': {
      get: {
        operationId: 'getApplication',
        summary: 'One application with its documents',
        ...secured,
        parameters: [idParameter],
        responses: { 200: json(data('Application')), ...errors(401, 404) },
      },
      patch: {
        operationId: 'saveDraftAnswers',
        summary:
          'Save draft answers: sections sent are merged into the draft, kept as sent (unvalidated) until submission; file fields are set by uploads only',
        ...secured,
        parameters: [idParameter],
        requestBody: jsonBody({
          type: 'object',
          properties: { answers: ref('Answers') },
        }),
        responses: {
          200: json(data('Application')),
          ...errors(401, 403, 404, 409, 413, 415, 422),
        },
      },
    },
    '/applications/{id}/documents': {
      post: {
        operationId: 'uploadDocument',
        summary: 'Attach a document to a file field of the draft (type checked on content)',
        ...secured,
        parameters: [idParameter],
        requestBody: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                required: ['fieldPath', 'file'],
                properties: {
                  fieldPath: { type: 'string', examples: ['documents.ppm'] },
                  file: { type: 'string', format: 'binary' },
                },
              },
            },
          },
        },
        responses: {
          201: json(data('Document'), 'Attached'),
          ...errors(401, 403, 404, 409, 413, 415, 422),
        },
      },
    },
    '/applications/{id}/submission': {
      post: {
        operationId: 'submitApplication',
        summary:
          "Submit the draft: validated against the call's form, refused after the closing instant",
        ...secured,
        parameters: [idParameter, idempotencyKey],
        responses: {
          201: json(data('Application'), 'Submitted, with its reference', replayedHeader),
          ...errors(401, 403, 404, 409, 422),
        },
      },
    },
    // Reviewers (issue 5): blind calls hide the applicant in every response.
    '/reviews': {
      get: {
        operationId: 'listReviews',
        summary: 'Your review assignments, soonest due first (reference only, never the applicant)',
        ...secured,
        parameters: [
          ...pageParameters,
          { name: 'callId', in: 'query', schema: { type: 'integer', minimum: 1 } },
          { name: 'state', in: 'query', schema: { type: 'string', enum: [...REVIEW_STATES] } },
        ],
        responses: { 200: json(page('ReviewSummary')), ...errors(401, 422) },
      },
    },
    '/reviews/{id}': {
      get: {
        operationId: 'getReview',
        summary:
          'One review with the application as its reviewer may see it (blind when the call is); other reviews only once yours is submitted',
        ...secured,
        parameters: [idParameter],
        responses: { 200: json(data('Review')), ...errors(401, 404) },
      },
      put: {
        operationId: 'saveReview',
        summary:
          'Save your scores as a draft, or submit them with `submit: true` (every criterion scored, 0 to the scale)',
        ...secured,
        parameters: [idParameter],
        requestBody: jsonBody({
          type: 'object',
          properties: {
            scores: {
              type: 'object',
              description: 'By criterion key: `{ "team": { "score": 4, "comment": "…" } }`',
              additionalProperties: { type: 'object' },
            },
            submit: { type: 'boolean', default: false },
          },
        }),
        responses: {
          200: json(data('Review')),
          ...errors(401, 404, 409, 413, 415, 422),
        },
      },
    },
    '/webhooks/stripe': {
      post: {
        operationId: 'receiveStripeEvent',
        summary:
          "Stripe's signed events, for Stripe only (raw body, `Stripe-Signature` verified; an event id is handled once)",
        parameters: [
          { name: 'Stripe-Signature', in: 'header', required: true, schema: { type: 'string' } },
        ],
        requestBody: jsonBody({ type: 'object' }),
        responses: {
          200: {
            description: 'Received',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: { received: { type: 'boolean' }, duplicate: { type: 'boolean' } },
                },
              },
            },
          },
          400: {
            description: 'Missing or invalid signature',
            content: {
              'application/json': {
                schema: { type: 'object', properties: { error: { type: 'string' } } },
              },
            },
          },
        },
      },
    },
    '/open-data/releases': {
      get: {
        operationId: 'listOpenDataReleases',
        summary:
          'Releases of the public grants register in the 360Giving standard, newest first, with the stable URLs of their JSON and CSV files (public; a withdrawn release is not listed)',
        parameters: [
          ...pageParameters,
          {
            name: 'callId',
            in: 'query',
            schema: { type: 'integer', minimum: 1, maximum: 2_147_483_647 },
          },
        ],
        responses: { 200: json(page('OpenDataRelease')), ...errors(422) },
      },
    },
    '/openapi.json': {
      get: {
        operationId: 'getOpenApiDocument',
        summary: 'This document',
        responses: { 200: json({ type: 'object' }), ...errors() },
      },
    },
  },
} as const
