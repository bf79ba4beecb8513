import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { randomInt } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import drive from '@adonisjs/drive/services/main'
import app from '@adonisjs/core/services/app'
import { DateTime } from 'luxon'
import ApplicationDocument from '#applications/models/application_document'
import DataRequest from '#privacy/models/data_request'
import { draftOf } from '#database/factories/application_factory'
import { openCallOf } from '#database/factories/programme_factory'
import type User from '#identity/models/user'

/** A national identity card number (CIN) of the Moroccan shape, new on every call. */
export function newCin() {
  return `BK${randomInt(100_000, 1_000_000)}`
}

/**
 * A draft of `user` naming them in its answers (name, CIN, free text) with a PDF
 * on the private disk that names them too.
 */
export async function draftNaming(user: User) {
  const cin = newCin()
  const call = await openCallOf()
  const application = await draftOf(user, call, {
    identity: { full_name: user.fullName, cin, email: user.email, years: 7 },
    project: { summary: `Projet de ${user.fullName} (${cin})`, accepted: true },
  })
  application.title = user.fullName
  await application.save()
  const storageKey = `applications/${application.id}/cv-${user.id}.pdf`
  await drive.use().put(storageKey, `%PDF-1.4 CV de ${user.fullName}, CIN ${cin}, ${user.email}`)
  const document = await ApplicationDocument.create({
    applicationId: application.id,
    fieldPath: 'identity.cv',
    originalName: `CV ${user.fullName}.pdf`,
    mimeType: 'application/pdf',
    sizeBytes: 64,
    sha256: '0'.repeat(64),
    storageKey,
    uploadedBy: user.id,
  })
  return { application, document, storageKey, cin }
}

export function requestOf(user: User, kind: 'export' | 'erasure', days = 30) {
  return DataRequest.create({
    userId: user.id,
    kind,
    state: 'pending',
    dueOn: DateTime.utc().plus({ days }).startOf('day'),
  })
}

/** Every (table, column) holding text, JSON or arrays, and how often `needle` appears in it. */
export async function whereFound(needle: string) {
  const { rows: columns } = (await db.rawQuery(
    `SELECT table_name, column_name FROM information_schema.columns
     WHERE table_schema = 'public'
       AND data_type IN ('text', 'character varying', 'jsonb', 'json', 'ARRAY')`
  )) as { rows: { table_name: string; column_name: string }[] }
  const found: string[] = []
  for (const { table_name: table, column_name: column } of columns) {
    const { rows } = await db.rawQuery(
      `SELECT count(*)::int AS n FROM "${table}" WHERE "${column}"::text ILIKE ?`,
      [`%${needle}%`]
    )
    if (rows[0].n > 0) found.push(`${table}.${column}`)
  }
  return found
}

/** The files under the test drive's root that contain `needle`. */
export async function filesContaining(needle: string) {
  const root = app.makePath('tmp/storage-test')
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => [])
  const found: string[] = []
  for (const entry of entries) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name)
    const bytes = await readFile(path)
    if (bytes.includes(needle) || bytes.toString('latin1').includes(needle)) found.push(path)
  }
  return found
}

/** A fingerprint of the audit rows up to `maxId`: equal before and after means none changed. */
export async function auditFingerprint(maxId: number) {
  const { rows } = await db.rawQuery(
    `SELECT md5(coalesce(string_agg(a::text, '|' ORDER BY id), '')) AS hash, count(*)::int AS n
     FROM audit_logs a WHERE id <= ?`,
    [maxId]
  )
  return rows[0] as { hash: string; n: number }
}

export async function lastAuditId() {
  const { rows } = await db.rawQuery(`SELECT coalesce(max(id), 0)::int AS id FROM audit_logs`)
  return rows[0].id as number
}
