import { test } from '@japa/runner'
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, writeFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { buildZip } from '#privacy/zip'
import { readZip } from '#tests/helpers/zip_reader'

test.group('ZIP writer', () => {
  test('entries come back byte for byte, names in UTF-8', ({ assert }) => {
    const entries = [
      { name: 'données.json', data: Buffer.from(JSON.stringify({ nom: 'Zineb ⵣ زينب' })) },
      { name: 'fichiers/cv.pdf', data: randomBytes(70_000) },
      { name: 'vide.txt', data: Buffer.alloc(0) },
    ]
    const files = readZip(buildZip(entries))
    assert.deepEqual(
      [...files.keys()],
      entries.map((entry) => entry.name)
    )
    for (const entry of entries) assert.isTrue(files.get(entry.name)!.equals(entry.data))
  })

  test('the archive passes unzip -t when the tool is installed', async ({ assert }) => {
    if (!existsSync('/usr/bin/unzip')) return
    const folder = await mkdtemp(join(tmpdir(), 'zip-'))
    try {
      const path = join(folder, 'export.zip')
      await writeFile(
        path,
        buildZip([
          { name: 'a.json', data: Buffer.from('{"a":1}') },
          { name: 'b/c.bin', data: randomBytes(5000) },
        ])
      )
      const output = execFileSync('/usr/bin/unzip', ['-t', path]).toString()
      assert.include(output, 'No errors detected')
    } finally {
      await rm(folder, { recursive: true })
    }
  })
})
