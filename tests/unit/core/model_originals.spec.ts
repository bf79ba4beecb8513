import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { BaseModel } from '@adonisjs/lucid/orm'
import { DateTime } from 'luxon'
import { hydrateOriginals, lucidHydrateOriginals } from '#core/database/model_originals'
import FormVersion from '#programmes/models/form_version'
import { openCallOf } from '#database/factories/programme_factory'

/** `$original` as Lucid's own `$hydrateOriginals` (lodash merge) and as ours make it. */
function bothCopies(attributes: Record<string, unknown>) {
  const theirs = { $attributes: attributes, $original: {} as Record<string, unknown> }
  const ours = { $attributes: attributes, $original: {} as Record<string, unknown> }
  lucidHydrateOriginals.call(theirs)
  hydrateOriginals.call(ours)
  return { theirs: theirs.$original, ours: ours.$original }
}

class Tagged {
  constructor(public label: string) {}
}

test.group('Model originals / the copy', () => {
  test('is what Lucid makes, for every kind of attribute a row holds', ({ assert }) => {
    const createdAt = DateTime.fromISO('2026-03-01T10:00:00Z')
    const attributes = {
      id: 7,
      title: 'Fonds',
      amount: 0,
      active: false,
      deletedAt: null,
      unset: undefined,
      createdAt,
      answers: { founders: [{ name: 'Salma', share: 60 }], ideas: [], note: null },
      roles: ['applicant', 'reviewer'],
      nested: [[1, 2], { deep: { deeper: 'ⵣ' } }],
      tagged: new Tagged('kept'),
      withDate: { at: createdAt },
    }
    const { theirs, ours } = bothCopies(attributes)
    assert.deepEqual(ours, theirs)
    assert.deepEqual(Object.keys(ours).sort(), Object.keys(attributes).sort())
    assert.isTrue('unset' in ours)
  })

  test('shares the immutable DateTime and copies everything that can change in place', ({
    assert,
  }) => {
    const createdAt = DateTime.fromISO('2026-03-01T10:00:00Z')
    const answers = { founders: [{ name: 'Salma' }] }
    const tagged = new Tagged('kept')
    const { ours } = bothCopies({ createdAt, answers, tagged })
    assert.strictEqual(ours.createdAt, createdAt)
    assert.notStrictEqual(ours.answers, answers)
    assert.notStrictEqual((ours.answers as typeof answers).founders, answers.founders)
    // Not plain data: left to Lucid's merge, which keeps a class instance as it is.
    assert.strictEqual(ours.tagged, tagged)
  })
})

test.group('Model originals / on models read from the database', (group) => {
  group.each.setup(async () => {
    await db.beginGlobalTransaction()
    return () => db.rollbackGlobalTransaction()
  })

  test('every model uses it', async ({ assert }) => {
    assert.strictEqual(BaseModel.prototype.$hydrateOriginals, hydrateOriginals)
    const call = await openCallOf()
    const form = await FormVersion.query().where('call_id', call.id).firstOrFail()
    // The DateTime is shared, not copied field by field as lodash's merge did.
    assert.strictEqual(form.$original.createdAt, form.createdAt)
    assert.notStrictEqual(form.$original.definition, form.definition)
  })

  test('what changed is still told: an answer changed in place, a new instant', async ({
    assert,
  }) => {
    const call = await openCallOf()
    const form = await FormVersion.query().where('call_id', call.id).firstOrFail()
    assert.deepEqual(form.$dirty, {})
    form.createdAt = DateTime.fromISO(form.createdAt.toISO()!)
    assert.deepEqual(form.$dirty, {}, 'the same instant is no change')
    form.definition.sections.push({ id: 'added', title: { fr: 'Ajout' }, fields: [] } as never)
    assert.deepEqual(Object.keys(form.$dirty), ['definition'])
    form.createdAt = form.createdAt.plus({ minutes: 1 })
    assert.sameMembers(Object.keys(form.$dirty), ['definition', 'createdAt'])
  })
})
