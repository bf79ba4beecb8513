import env from '#start/env'
import db from '@adonisjs/lucid/services/db'
import type { KeyObject } from 'node:crypto'
import { DomainError } from '#core/exceptions/domain_error'
import { verifyAuditLog } from '#core/audit/audit_chain_store'
import {
  headStatement,
  parseSigningKey,
  publicKeyPem,
  signStatement,
} from '#core/audit/audit_signing'

let signingKey: KeyObject | undefined

/** AUDIT_SIGNING_KEY, read once (start/env.ts has already refused a bad one). */
function auditSigningKey() {
  signingKey ??= parseSigningKey(env.get('AUDIT_SIGNING_KEY'))
  return signingKey
}

export function auditPublicKeyPem() {
  return publicKeyPem(auditSigningKey())
}

/**
 * The signed statement naming the sealed entry at `position`. Walks the chain up to it
 * first, and refuses when it is broken: a signature must never vouch for a tampered log.
 */
export async function signedHead(position: number) {
  const entry = await db
    .from('audit_logs')
    .where('chain_position', position)
    .select('id', 'hash')
    .first()
  if (!entry) throw new DomainError('audit.errors.head_not_sealed', { status: 404 })
  const report = await verifyAuditLog({ upTo: position })
  if (!report.intact) {
    throw new DomainError('audit.errors.chain_broken', {
      status: 409,
      data: { entry: report.broken.entryId },
    })
  }
  const statement = headStatement({ position, entryId: Number(entry.id), hash: entry.hash })
  return { statement, signature: signStatement(auditSigningKey(), statement) }
}
