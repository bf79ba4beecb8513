import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { isolateEachTest } from '#tests/helpers/http'
import {
  applicationsQuery,
  organizationsQuery,
  peopleQuery,
  searchTsQuery,
} from '#app/search/staff_search'
import { openCallOf } from '#database/factories/programme_factory'
import { userWithRoles } from '#database/factories/user_factory'

/** The plan PostgreSQL picks for a search query, with the planner left to its own costs. */
async function planOf(query: { toSQL(): { sql: string; bindings: readonly unknown[] } }) {
  const { sql, bindings } = query.toSQL()
  const { rows } = await db.rawQuery(`EXPLAIN ${sql}`, bindings as unknown[])
  return (rows as { 'QUERY PLAN': string }[]).map((row) => row['QUERY PLAN']).join('\n')
}

test.group('Staff search / indexes', (group) => {
  isolateEachTest(group)

  test('each kind of result is read through its GIN index on 20 000 rows', async ({ assert }) => {
    const call = await openCallOf()
    const applicant = await userWithRoles('applicant')
    await db.rawQuery(
      `INSERT INTO users (email, password, full_name, created_at, updated_at)
       SELECT 'plan-' || n || '@example.test', 'x', 'Personne ' || md5(n::text), now(), now()
       FROM generate_series(1, 20000) AS n`
    )
    await db.rawQuery(
      `INSERT INTO organizations (kind, name, created_at, updated_at)
       SELECT 'startup', 'Startup ' || md5(n::text), now(), now()
       FROM generate_series(1, 20000) AS n`
    )
    // Withdrawn drafts: many rows for one applicant without a reference or a snapshot.
    await db.rawQuery(
      `INSERT INTO applications (call_id, applicant_id, state, title, created_at, updated_at)
       SELECT ?, ?, 'withdrawn', 'Projet ' || md5(n::text), now(), now()
       FROM generate_series(1, 20000) AS n`,
      [call.id, applicant.id]
    )
    await db.rawQuery('ANALYZE users, organizations, applications')

    const tsQuery = searchTsQuery('atlas agri')!
    const plans = {
      applications_staff_search: await planOf(
        applicationsQuery(tsQuery, 'atlas agri', 'everything')
      ),
      organizations_staff_search: await planOf(organizationsQuery(tsQuery, 'everything')),
      users_staff_search: await planOf(peopleQuery(tsQuery, 'everything')),
    }
    for (const [index, plan] of Object.entries(plans)) {
      assert.match(plan, new RegExp(`Bitmap Index Scan on ${index}\\b`), plan)
      assert.notMatch(plan, /Seq Scan on (applications|organizations|users)\b/, plan)
    }
  })
})
