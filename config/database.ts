import env from '#start/env'
import pg from 'pg'
import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/lucid'

// int8 (bigint) columns hold money in centimes and counts; every value we store fits
// well inside Number.MAX_SAFE_INTEGER (9e15 centimes), so read them as numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10))
// numeric columns hold scores (0–100, a few decimals), never money: numbers are exact enough.
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number.parseFloat(value))

export default defineConfig({
  connection: 'pg',
  // Queries are counted in tests (debug below), not printed: the log would drown the results.
  prettyPrintDebugQueries: false,
  connections: {
    pg: {
      client: 'pg',
      connection: {
        host: env.get('DB_HOST'),
        port: env.get('DB_PORT'),
        user: env.get('DB_USER'),
        password: env.get('DB_PASSWORD'),
        database: env.get('DB_DATABASE'),
      },
      pool: { min: 0, max: 10 },
      migrations: { naturalSort: true, paths: ['database/migrations'] },
      seeders: { paths: ['database/seeders'] },
      schemaGeneration: { rulesPaths: ['./database/schema_rules.js'] },
      // Tests count queries (N+1 is a bug) through the db:query events debug mode emits.
      debug: app.inTest,
    },
  },
})
