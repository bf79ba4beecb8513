import { test } from '@japa/runner'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import app from '@adonisjs/core/services/app'

/** Every .edge file below a folder of resources/views. */
async function templatesIn(folder: string): Promise<string[]> {
  const root = app.makePath('resources/views', folder)
  const entries = await readdir(root, { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.edge'))
    .map((entry) => join(entry.parentPath, entry.name))
}

test.group('Views under the content security policy', () => {
  test('no page carries a style attribute: the CSP would drop it (bars are SVG)', async ({
    assert,
  }) => {
    const offenders: string[] = []
    for (const folder of ['pages', 'components', 'partials']) {
      for (const file of await templatesIn(folder)) {
        if (/\sstyle\s*=/.test(await readFile(file, 'utf8'))) offenders.push(file)
      }
    }
    assert.deepEqual(offenders, [])
  })
})
