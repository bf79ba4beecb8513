import { test } from '@japa/runner'
import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { recordAudit } from '#core/audit/audit_trail'
import { sealAuditLog } from '#core/audit/audit_chain_store'
import { CASABLANCA } from '#core/casablanca_time'
import { userWithRoles } from '#database/factories/user_factory'
import { isolateEachTest } from '#tests/helpers/http'
import { countQueries } from '#tests/helpers/queries'
import { ROLES } from '#identity/roles'
import type User from '#identity/models/user'

/** `count` entries by `actor`: a call changed, a user's roles, and an action nobody named. */
async function entriesBy(actor: User, count: number) {
  for (let index = 0; index < count; index++) {
    const kinds = [
      { action: 'call.updated', subjectType: 'call' },
      { action: 'user.roles_changed', subjectType: 'user' },
      { action: 'lab.unnamed_action', subjectType: 'lab_thing' },
    ]
    await recordAudit({
      actor: { id: actor.id },
      ...kinds[index % 3],
      subjectId: 500 + index,
      metadata: { index },
    })
  }
}

test.group('Admin: audit log page', (group) => {
  isolateEachTest(group)

  test('every role but admin gets 403 on each audit route; guests go to the login page', async ({
    client,
    assert,
  }) => {
    const admin = await userWithRoles('admin')
    await entriesBy(admin, 1)
    await sealAuditLog()
    const [entry] = await db.from('audit_logs').where('actor_id', admin.id)
    const urls = [
      '/admin/audit',
      `/admin/audit/${entry.id}`,
      '/admin/audit.csv',
      '/admin/audit/verification',
      '/admin/audit/public-key.pem',
      `/admin/audit/heads/${entry.chain_position}`,
      `/admin/audit/heads/${entry.chain_position}/signature`,
    ]
    for (const role of ROLES.filter((candidate) => candidate !== 'admin')) {
      const user = await userWithRoles(role)
      for (const url of urls) {
        const response = await client.get(url).loginAs(user)
        assert.equal(response.status(), 403, `${role} GET ${url}`)
      }
    }
    for (const url of urls) {
      const response = await client.get(url).redirects(0)
      assert.equal(response.header('location'), '/login', url)
    }
    const exports = await db.from('audit_logs').where('action', 'audit_log.exported')
    assert.lengthOf(exports, 0, 'a refused export leaves no trace of an export')
  })

  test('filters by person, dates and action, with translated labels and links', async ({
    client,
    assert,
  }) => {
    const admin = await userWithRoles('admin')
    const officer = await userWithRoles('programme_officer')
    await entriesBy(officer, 3)
    await entriesBy(admin, 1)
    const today = DateTime.now().setZone(CASABLANCA).toISODate()!
    const tomorrow = DateTime.now().setZone(CASABLANCA).plus({ days: 1 }).toISODate()!

    const page = await client
      .get(`/admin/audit?actorId=${officer.id}&from=${today}&to=${today}&action=`)
      .loginAs(admin)
    page.assertStatus(200)
    const html = page.text()
    assert.include(html, 'Appel modifié')
    assert.include(html, 'Rôles modifiés')
    assert.include(html, 'lab.unnamed_action', 'an action without a label shows its key')
    assert.include(html, `href="/staff/calls/500"`, 'the subject links to its page')
    assert.include(html, `href="/admin/users/501/roles"`)
    assert.include(html, `href="/admin/users/${officer.id}/roles"`, 'the person links to theirs')
    assert.notInclude(html, 'call.updated</')

    const byAction = await client
      .get(`/admin/audit?actorId=${officer.id}&action=user.roles_changed`)
      .loginAs(admin)
    assert.notInclude(byAction.text(), 'Appel modifié')
    assert.include(byAction.text(), 'Rôles modifiés')

    const later = await client
      .get(`/admin/audit?actorId=${officer.id}&from=${tomorrow}`)
      .loginAs(admin)
    assert.notInclude(later.text(), 'Rôles modifiés')

    admin.preferredLocale = 'ar'
    await admin.save()
    const arabic = await client.get(`/admin/audit?actorId=${officer.id}`).loginAs(admin)
    assert.include(arabic.text(), 'تعديل الدعوة')

    const bad = await client.get('/admin/audit?from=yesterday').loginAs(admin).redirects(0)
    assert.notEqual(bad.status(), 500)
  })

  test('the page holds to a fixed number of queries whatever the number of entries', async ({
    client,
    assert,
  }) => {
    const admin = await userWithRoles('admin')
    const few = await userWithRoles('reviewer')
    const many = await userWithRoles('reviewer')
    await entriesBy(few, 2)
    await entriesBy(many, 40)
    const counted = async (person: User) => {
      const { result, queries } = await countQueries(() =>
        client.get(`/admin/audit?actorId=${person.id}`).loginAs(admin)
      )
      result.assertStatus(200)
      return queries
    }
    const small = await counted(few)
    const large = await counted(many)
    assert.equal(large.length, small.length, large.join('\n'))
    // session user, count, page, its actors, the person filtered on
    assert.isAtMost(large.length, 5, large.join('\n'))
  })

  test('the CSV export keeps the filters, every hashed column, and is audited', async ({
    client,
    assert,
  }) => {
    const admin = await userWithRoles('admin')
    const officer = await userWithRoles('programme_officer')
    await entriesBy(officer, 3)
    await sealAuditLog()
    const response = await client
      .get(`/admin/audit.csv?actorId=${officer.id}&action=call.updated`)
      .loginAs(admin)
    response.assertStatus(200)
    assert.match(response.header('content-type') ?? '', /^text\/csv/)
    const lines = response
      .text()
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    assert.isTrue(lines[0].startsWith('"id","chain_position","created_at_utc"'))
    assert.lengthOf(lines, 2)
    const [row] = await db
      .from('audit_logs')
      .where({ actor_id: officer.id, action: 'call.updated' })
    assert.include(lines[1], `"${row.hash}"`)
    assert.include(lines[1], '"{""index"":0}"')

    const [exported] = await db
      .from('audit_logs')
      .where({ action: 'audit_log.exported', actor_id: admin.id })
    assert.deepEqual(exported.metadata, {
      filters: { actorId: officer.id, action: 'call.updated' },
      rowCount: 1,
    })
  })
})

test.group('Admin: signed audit head', (group) => {
  isolateEachTest(group)

  test('the head is signed with AUDIT_SIGNING_KEY and verifies with openssl', async ({
    client,
    assert,
  }) => {
    const admin = await userWithRoles('admin')
    await entriesBy(admin, 2)
    await sealAuditLog()
    const head = await db
      .from('audit_logs')
      .whereNotNull('chain_position')
      .orderBy('chain_position', 'desc')
      .firstOrFail()

    const page = await client.get('/admin/audit/verification').loginAs(admin)
    assert.include(page.text(), `/admin/audit/heads/${head.chain_position}/signature`)
    assert.include(page.text(), '-----BEGIN PUBLIC KEY-----')

    const statement = await client.get(`/admin/audit/heads/${head.chain_position}`).loginAs(admin)
    statement.assertStatus(200)
    assert.include(statement.text(), `entry: ${head.id}\nhash: ${head.hash}\n`)
    const signature = await client
      .get(`/admin/audit/heads/${head.chain_position}/signature`)
      .loginAs(admin)
    const publicKey = await client.get('/admin/audit/public-key.pem').loginAs(admin)

    const dir = await mkdtemp(join(tmpdir(), 'audit-head-'))
    try {
      await writeFile(join(dir, 'head.txt'), statement.text())
      await writeFile(join(dir, 'head.sig'), signature.body() as Buffer)
      await writeFile(join(dir, 'key.pem'), publicKey.text())
      const verify = (file: string) =>
        promisify(execFile)('openssl', [
          'pkeyutl',
          '-verify',
          '-pubin',
          '-inkey',
          join(dir, 'key.pem'),
          '-rawin',
          '-in',
          join(dir, file),
          '-sigfile',
          join(dir, 'head.sig'),
        ])
      const { stdout } = await verify('head.txt')
      assert.include(stdout, 'Signature Verified Successfully')
      // One hex digit of the hash changed (to another digit: a hash may start with 0).
      const forged = statement
        .text()
        .replace(/hash: (.)/, (_, digit: string) => `hash: ${digit === '0' ? '1' : '0'}`)
      assert.notEqual(forged, statement.text())
      await writeFile(join(dir, 'forged.txt'), forged)
      await assert.rejects(() => verify('forged.txt'))
    } finally {
      await rm(dir, { recursive: true, force: true })
    }

    const unsealed = await client
      .get(`/admin/audit/heads/${Number(head.chain_position) + 1000}`)
      .loginAs(admin)
      .header('Accept', 'application/json')
    unsealed.assertStatus(404)
  })

  test('no signature is issued over a broken chain', async ({ client }) => {
    const admin = await userWithRoles('admin')
    await entriesBy(admin, 2)
    await sealAuditLog()
    const [first, second] = await db.from('audit_logs').where('actor_id', admin.id).orderBy('id')
    await db.rawQuery('ALTER TABLE audit_logs DISABLE TRIGGER USER')
    await db.from('audit_logs').where('id', first.id).update({ reason: 'rewritten' })
    await db.rawQuery('ALTER TABLE audit_logs ENABLE TRIGGER USER')

    const response = await client
      .get(`/admin/audit/heads/${second.chain_position}/signature`)
      .loginAs(admin)
      .header('Accept', 'application/json')
    response.assertStatus(409)
  })
})
