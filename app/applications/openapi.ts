import { APPLICATION_STATES } from '#applications/application_lifecycle'

/**
 * The JSON API's OpenAPI 3.1 description, served at /api/v1/openapi.json. A test checks
 * that every API route is described here, so the document cannot fall behind.
 */
const errors = {
  description: 'Errors, in the language of Accept-Language',
  content: {
    'application/json': {
      schema: {
        type: 'object',
        properties: {
          errors: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                field: { type: 'string', description: 'For validation errors: `section.field`' },
                message: { type: 'string' },
                code: { type: 'string' },
                rule: { type: 'string' },
              },
              required: ['message'],
            },
          },
        },
      },
    },
  },
}

const json = (schema: object, description = 'OK') => ({
  description,
  content: { 'application/json': { schema } },
})
const data = (ref: string) => ({
  type: 'object',
  properties: { data: { $ref: `#/components/schemas/${ref}` } },
})
const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'integer' } }
const secured = { security: [{ bearer: [] }] }

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Manassa API',
    version: '1.0.0',
    description:
      'Programmes of the Digital Morocco 2030 strategy. Fund manager companies file their proposals to the VC call for expression of interest with their own systems: start an application for the company, save answers, attach documents, submit. Authenticate with a bearer token from POST /api/v1/tokens. Money is in integer centimes of MAD once submitted; instants are ISO 8601 in UTC (deadlines are enforced in Africa/Casablanca time).',
  },
  servers: [{ url: '/api/v1' }],
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'mns_…' } },
    schemas: {
      Application: {
        type: 'object',
        properties: {
          id: { type: 'integer' },
          callId: { type: 'integer' },
          organizationId: { type: ['integer', 'null'] },
          state: {
            type: 'string',
            enum: [...APPLICATION_STATES],
          },
          reference: { type: ['string', 'null'], examples: ['VC-2026-000042'] },
          answers: {
            type: 'object',
            description: "Answers keyed by form section, then field (the call's form definition)",
            additionalProperties: { type: 'object' },
          },
          submittedAt: { type: ['string', 'null'], format: 'date-time' },
          updatedAt: { type: 'string', format: 'date-time' },
          documents: { type: 'array', items: { $ref: '#/components/schemas/Document' } },
        },
      },
      Document: {
        type: 'object',
        properties: {
          id: { type: 'integer' },
          fieldPath: { type: 'string', examples: ['documents.ppm'] },
          originalName: { type: 'string' },
          mimeType: { type: 'string', enum: ['application/pdf', 'image/png', 'image/jpeg'] },
          sizeBytes: { type: 'integer' },
          sha256: { type: 'string' },
        },
      },
    },
  },
  paths: {
    '/tokens': {
      post: {
        summary: 'Exchange email and password for a bearer token',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['email', 'password'],
                properties: {
                  email: { type: 'string', format: 'email' },
                  password: { type: 'string' },
                  name: { type: 'string' },
                },
              },
            },
          },
        },
        responses: { 201: json({ type: 'object' }, 'Token issued'), 400: errors, 422: errors },
      },
    },
    '/tokens/current': {
      delete: {
        summary: 'Revoke the token used',
        ...secured,
        responses: { 200: json({}), 401: errors },
      },
    },
    '/me': {
      get: {
        summary: 'The authenticated person',
        ...secured,
        responses: { 200: json({}), 401: errors },
      },
    },
    '/calls': {
      get: {
        summary: 'Calls open now, soonest deadline first',
        parameters: [
          {
            name: 'kind',
            in: 'query',
            schema: { type: 'string', enum: ['startup_offer', 'living_grant', 'vc_call'] },
          },
          {
            name: 'stage',
            in: 'query',
            schema: { type: 'string', enum: ['ideation', 'early', 'growth', 'fundraising'] },
          },
        ],
        responses: { 200: json({ type: 'object' }), 422: errors },
      },
    },
    '/calls/{id}/applications': {
      post: {
        summary: 'Start an application to an open call (or get the draft already there)',
        ...secured,
        parameters: [idParameter],
        requestBody: {
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  organizationId: {
                    type: ['integer', 'null'],
                    description:
                      'Required for the VC call: the fund manager company you are a member of',
                  },
                },
              },
            },
          },
        },
        responses: {
          201: json(data('Application'), 'Draft'),
          401: errors,
          403: errors,
          404: errors,
          409: errors,
          422: errors,
        },
      },
    },
    '/applications': {
      get: {
        summary: "Your applications and your organizations'",
        ...secured,
        responses: {
          200: json({
            type: 'object',
            properties: {
              data: { type: 'array', items: { $ref: '#/components/schemas/Application' } },
            },
          }),
          401: errors,
        },
      },
    },
    '/applications/{id}': {
      get: {
        summary: 'One application with its documents',
        ...secured,
        parameters: [idParameter],
        responses: { 200: json(data('Application')), 401: errors, 404: errors },
      },
      patch: {
        summary:
          'Save draft answers; sections sent are merged into the draft, kept as sent until submission',
        ...secured,
        parameters: [idParameter],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { type: 'object', properties: { answers: { type: 'object' } } },
            },
          },
        },
        responses: {
          200: json(data('Application')),
          401: errors,
          403: errors,
          404: errors,
          409: errors,
        },
      },
    },
    '/applications/{id}/documents': {
      post: {
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
                  fieldPath: { type: 'string' },
                  file: { type: 'string', format: 'binary' },
                },
              },
            },
          },
        },
        responses: {
          201: json({
            type: 'object',
            properties: { data: { $ref: '#/components/schemas/Document' } },
          }),
          401: errors,
          403: errors,
          404: errors,
          409: errors,
          422: errors,
        },
      },
    },
    '/applications/{id}/submission': {
      post: {
        summary:
          "Submit the draft: validated against the call's form, refused after the closing instant",
        ...secured,
        parameters: [idParameter],
        responses: {
          201: json(data('Application'), 'Submitted, with its reference'),
          401: errors,
          403: errors,
          404: errors,
          409: errors,
          422: errors,
        },
      },
    },
    // Reviewers (issue 5): blind calls hide the applicant in every response.
    '/reviews': {
      get: {
        summary: 'Your review assignments, soonest due first (reference only, never the applicant)',
        ...secured,
        responses: { 200: json({ type: 'object' }), 401: errors },
      },
    },
    '/reviews/{id}': {
      get: {
        summary:
          'One review with the application as its reviewer may see it (blind when the call is); other reviews only once yours is submitted',
        ...secured,
        parameters: [idParameter],
        responses: { 200: json({ type: 'object' }), 401: errors, 404: errors },
      },
      put: {
        summary:
          'Save your scores as a draft, or submit them with `submit: true` (every criterion scored, 0 to the scale)',
        ...secured,
        parameters: [idParameter],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  scores: {
                    type: 'object',
                    description: 'By criterion key: `{ "team": { "score": 4, "comment": "…" } }`',
                    additionalProperties: { type: 'object' },
                  },
                  submit: { type: 'boolean', default: false },
                },
              },
            },
          },
        },
        responses: {
          200: json({ type: 'object' }),
          401: errors,
          404: errors,
          409: errors,
          422: errors,
        },
      },
    },
    '/webhooks/stripe': {
      post: {
        summary:
          "Stripe's signed events (raw body, `Stripe-Signature` verified; an event id is handled once)",
        parameters: [
          { name: 'Stripe-Signature', in: 'header', required: true, schema: { type: 'string' } },
        ],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { type: 'object' } } },
        },
        responses: { 200: json({ type: 'object' }), 400: errors },
      },
    },
    '/openapi.json': {
      get: { summary: 'This document', responses: { 200: json({ type: 'object' }) } },
    },
  },
} as const
