import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import FormVersion from '#programmes/models/form_version'
import { formVersionById } from '#programmes/frozen_form_versions'
import { openCallOf } from '#database/factories/programme_factory'
import { countQueries } from '#tests/helpers/queries'

async function versionOfNewCall(frozen: boolean) {
  const call = await openCallOf()
  const version = await FormVersion.query().where('call_id', call.id).firstOrFail()
  if (frozen) {
    version.frozenAt = DateTime.utc()
    await version.save()
  }
  return version
}

test.group('Frozen form versions', (group) => {
  group.each.setup(async () => {
    await db.beginGlobalTransaction()
    return () => db.rollbackGlobalTransaction()
  })

  test('a frozen version is read once, then made from the kept row', async ({ assert }) => {
    const version = await versionOfNewCall(true)
    const first = await countQueries(() => formVersionById(version.id))
    const second = await countQueries(() => formVersionById(version.id))
    assert.lengthOf(first.queries, 1)
    assert.lengthOf(second.queries, 0)
    for (const read of [first.result!, second.result!]) {
      assert.instanceOf(read, FormVersion)
      assert.equal(read.id, version.id)
      assert.equal(read.version, version.version)
      assert.deepEqual(read.definition, version.definition)
      assert.isTrue(read.isFrozen)
      assert.isTrue(read.$isPersisted)
      assert.deepEqual(read.$dirty, {})
    }
    // Each request gets its own model; the shared definition cannot be changed in place.
    assert.notStrictEqual(first.result, second.result)
    assert.throws(() => second.result!.definition.sections.push({} as never), TypeError)
  })

  test('a version still being edited is read each time, with its edits', async ({ assert }) => {
    const version = await versionOfNewCall(false)
    await formVersionById(version.id)
    version.definition = { sections: [] }
    await version.save()
    const again = await countQueries(() => formVersionById(version.id))
    assert.lengthOf(again.queries, 1)
    assert.deepEqual(again.result!.definition, { sections: [] })
  })

  test('no version under that id: null', async ({ assert }) => {
    assert.isNull(await formVersionById(2_000_000_000))
  })
})
