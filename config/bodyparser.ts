import { defineConfig } from '@adonisjs/core/bodyparser'

export default defineConfig({
  allowedMethods: ['POST', 'PUT', 'PATCH', 'DELETE'],
  form: {
    // The visual form editor posts a whole form definition as nested fields
    // (`sections[0][fields][1][options][2][label][fr]`, 7 levels; a few thousand inputs):
    // qs's defaults (5 levels, 1 000 parameters) would silently flatten or drop some.
    queryString: { depth: 8, parameterLimit: 5000 },
    convertEmptyStringsToNull: true,
    trimWhitespaces: true,
    types: ['application/x-www-form-urlencoded'],
  },
  json: {
    convertEmptyStringsToNull: true,
    trimWhitespaces: true,
    limit: '1mb',
    types: [
      'application/json',
      'application/json-patch+json',
      'application/vnd.api+json',
      'application/csp-report',
    ],
  },
  multipart: {
    autoProcess: true,
    convertEmptyStringsToNull: true,
    trimWhitespaces: true,
    processManually: [],
    limit: '25mb',
    types: ['multipart/form-data'],
  },
})
