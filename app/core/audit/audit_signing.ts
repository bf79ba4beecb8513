import { createPrivateKey, createPublicKey, sign, type KeyObject } from 'node:crypto'
import type { ChainCursor } from '#core/audit/audit_chain'

/**
 * The auditor's proof of the chain's head: a short text naming the last sealed entry and
 * its hash, signed with the Ed25519 key of AUDIT_SIGNING_KEY. An auditor who keeps a
 * signed head can later prove that nothing up to it was rewritten, even by someone able
 * to recompute every hash.
 */

/**
 * AUDIT_SIGNING_KEY: an Ed25519 private key, as PEM (newlines may be written `\n`) or as
 * base64 of its PKCS#8 DER form (what `npm start` generates). Throws when it is not one.
 */
export function parseSigningKey(value: string): KeyObject {
  const text = value.replace(/\\n/g, '\n').trim()
  let key: KeyObject
  try {
    key = text.startsWith('-----BEGIN')
      ? createPrivateKey(text)
      : createPrivateKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'pkcs8' })
  } catch {
    throw new Error('AUDIT_SIGNING_KEY is not a readable private key (PEM or base64 PKCS#8)')
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error('AUDIT_SIGNING_KEY must be an Ed25519 private key')
  }
  return key
}

export function publicKeyPem(privateKey: KeyObject) {
  return createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString()
}

/** The signed text, one fact a line, ending with a newline (what `-in head.txt` reads). */
export function headStatement(head: ChainCursor) {
  return [
    'Manassa audit log head',
    `position: ${head.position}`,
    `entry: ${head.entryId ?? '-'}`,
    `hash: ${head.hash}`,
    '',
  ].join('\n')
}

/** An Ed25519 signature (64 raw bytes, what `openssl pkeyutl -verify -rawin` checks). */
export function signStatement(privateKey: KeyObject, statement: string) {
  return sign(null, Buffer.from(statement, 'utf8'), privateKey)
}
