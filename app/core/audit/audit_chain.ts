import { createHash } from 'node:crypto'

/**
 * The audit log's hash chain, as pure functions: each sealed entry stores the previous
 * entry's hash and its own, SHA-256 over the previous hash and a canonical serialisation
 * of the entry. Changing, removing or slipping in an entry breaks the chain from there.
 */

/** The previous hash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64)

/** An entry as hashed: the columns in a fixed order, `createdAt` as a UTC instant in µs. */
export interface ChainedFields {
  id: number
  chainPosition: number
  actorId: number | null
  action: string
  subjectType: string
  subjectId: string
  fromState: string | null
  toState: string | null
  reason: string | null
  metadata: unknown
  requestId: string | null
  ip: string | null
  /** `2026-12-06T20:15:52.123456Z` */
  createdAt: string
}

export interface SealedEntry extends ChainedFields {
  prevHash: string
  hash: string
}

/** JSON with object keys sorted at every depth: the same data always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort()
    const object = value as Record<string, unknown>
    return `{${keys
      .filter((key) => object[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key])}`)
      .join(',')}}`
  }
  return JSON.stringify(value ?? null)
}

export function entryHash(fields: ChainedFields, prevHash: string) {
  const serialised = canonicalJson([
    fields.chainPosition,
    fields.id,
    fields.actorId,
    fields.action,
    fields.subjectType,
    fields.subjectId,
    fields.fromState,
    fields.toState,
    fields.reason,
    fields.metadata,
    fields.requestId,
    fields.ip,
    fields.createdAt,
  ])
  return createHash('sha256').update(`${prevHash}\n${serialised}`).digest('hex')
}

/** Where a walk stands: the last entry checked (position 0 and the genesis hash before any). */
export interface ChainCursor {
  position: number
  entryId: number | null
  hash: string
}

export const CHAIN_START: ChainCursor = { position: 0, entryId: null, hash: GENESIS_HASH }

export interface ChainBreak {
  entryId: number
  position: number
  /** `link`: the entry does not follow the one before it (an entry removed or slipped in); `hash`: its content changed. */
  kind: 'link' | 'hash'
  expected: string
  stored: string
}

export type BatchVerdict = { ok: true; cursor: ChainCursor } | { ok: false; broken: ChainBreak }

/**
 * Checks the next entries of the chain (in position order) after `cursor`. Fed batch by
 * batch, it walks a chain of any length in constant memory.
 */
export function verifyChainBatch(cursor: ChainCursor, entries: SealedEntry[]): BatchVerdict {
  let current = cursor
  for (const entry of entries) {
    if (entry.chainPosition !== current.position + 1 || entry.prevHash !== current.hash) {
      const expected =
        entry.prevHash !== current.hash ? current.hash : `position ${current.position + 1}`
      const stored =
        entry.prevHash !== current.hash ? entry.prevHash : `position ${entry.chainPosition}`
      return {
        ok: false,
        broken: {
          entryId: entry.id,
          position: entry.chainPosition,
          kind: 'link',
          expected,
          stored,
        },
      }
    }
    const expected = entryHash(entry, entry.prevHash)
    if (expected !== entry.hash) {
      return {
        ok: false,
        broken: {
          entryId: entry.id,
          position: entry.chainPosition,
          kind: 'hash',
          expected,
          stored: entry.hash,
        },
      }
    }
    current = { position: entry.chainPosition, entryId: entry.id, hash: entry.hash }
  }
  return { ok: true, cursor: current }
}

/** Links `entries` (unsealed, in id order) after `cursor`: the sealer's half of the chain. */
export function sealEntries(cursor: ChainCursor, entries: Omit<ChainedFields, 'chainPosition'>[]) {
  let current = cursor
  return entries.map((entry) => {
    const fields = { ...entry, chainPosition: current.position + 1 }
    const hash = entryHash(fields, current.hash)
    const sealed: SealedEntry = { ...fields, prevHash: current.hash, hash }
    current = { position: fields.chainPosition, entryId: entry.id, hash }
    return sealed
  })
}
