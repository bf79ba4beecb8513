import { test } from '@japa/runner'
import {
  CHAIN_START,
  GENESIS_HASH,
  canonicalJson,
  entryHash,
  sealEntries,
  verifyChainBatch,
  type SealedEntry,
} from '#core/audit/audit_chain'

function entries(count: number) {
  return Array.from({ length: count }, (_, index) => ({
    id: 10 + index * 3,
    actorId: index % 2 ? 7 : null,
    action: 'tranche.paid',
    subjectType: 'tranche',
    subjectId: String(100 + index),
    fromState: 'approved',
    toState: 'paid',
    reason: null,
    metadata: { amountCentimes: 250000 + index, nested: { b: 1, a: [2, 'x'] } },
    requestId: `req-${index}`,
    ip: '127.0.0.1',
    createdAt: `2026-12-06T10:00:0${index}.123456Z`,
  }))
}

test.group('Audit chain / canonical serialisation', () => {
  test('the same metadata gives the same text whatever the key order', ({ assert }) => {
    assert.equal(
      canonicalJson({ b: 1, a: { d: [1, { z: 0, y: null }], c: 'é' } }),
      canonicalJson({ a: { c: 'é', d: [1, { y: null, z: 0 }] }, b: 1 })
    )
    assert.equal(canonicalJson({ b: 1, a: 2 }), '{"a":2,"b":1}')
  })

  test('the hash depends on every field and on the previous hash', ({ assert }) => {
    const [entry] = sealEntries(CHAIN_START, entries(1))
    const base = entryHash(entry, GENESIS_HASH)
    assert.equal(base, entry.hash)
    assert.notEqual(entryHash({ ...entry, reason: 'x' }, GENESIS_HASH), base)
    assert.notEqual(entryHash({ ...entry, metadata: { amountCentimes: 1 } }, GENESIS_HASH), base)
    assert.notEqual(
      entryHash({ ...entry, createdAt: '2026-12-06T10:00:00.123457Z' }, GENESIS_HASH),
      base
    )
    assert.notEqual(entryHash(entry, 'f'.repeat(64)), base)
  })
})

test.group('Audit chain / verification', () => {
  test('an untouched chain verifies, batch after batch, up to its head', ({ assert }) => {
    const chain = sealEntries(CHAIN_START, entries(7))
    const first = verifyChainBatch(CHAIN_START, chain.slice(0, 3))
    assert.isTrue(first.ok)
    const second = verifyChainBatch(first.ok ? first.cursor : CHAIN_START, chain.slice(3))
    assert.deepEqual(second, {
      ok: true,
      cursor: { position: 7, entryId: chain[6].id, hash: chain[6].hash },
    })
  })

  test('a modified entry is reported at that entry, with the expected and stored hash', ({
    assert,
  }) => {
    const chain: SealedEntry[] = sealEntries(CHAIN_START, entries(5))
    chain[2] = { ...chain[2], metadata: { amountCentimes: 1 } }
    const verdict = verifyChainBatch(CHAIN_START, chain)
    assert.deepEqual(verdict, {
      ok: false,
      broken: {
        entryId: chain[2].id,
        position: 3,
        kind: 'hash',
        expected: entryHash(chain[2], chain[1].hash),
        stored: chain[2].hash,
      },
    })
  })

  test('a removed entry is reported at the entry after it', ({ assert }) => {
    const chain = sealEntries(CHAIN_START, entries(5))
    const verdict = verifyChainBatch(CHAIN_START, [...chain.slice(0, 2), ...chain.slice(3)])
    assert.isFalse(verdict.ok)
    assert.include(verdict.ok ? {} : verdict.broken, {
      entryId: chain[3].id,
      kind: 'link',
      expected: chain[1].hash,
      stored: chain[2].hash,
    })
  })

  test('a forged entry slipped in is reported at that entry', ({ assert }) => {
    const chain = sealEntries(CHAIN_START, entries(4))
    const forged: SealedEntry = { ...chain[2], id: 999, reason: 'forged' }
    const verdict = verifyChainBatch(CHAIN_START, [...chain.slice(0, 2), forged])
    assert.include(verdict.ok ? {} : verdict.broken, { entryId: 999, kind: 'hash' })
  })

  test('a rehashed chain that skips a position is still a broken link', ({ assert }) => {
    const chain = sealEntries(CHAIN_START, entries(3))
    const skipped = sealEntries({ position: 2, entryId: chain[1].id, hash: chain[1].hash }, [
      { ...chain[2] },
    ])[0]
    const verdict = verifyChainBatch(CHAIN_START, [chain[0], { ...skipped, chainPosition: 4 }])
    assert.include(verdict.ok ? {} : verdict.broken, { entryId: chain[2].id, kind: 'link' })
  })
})
