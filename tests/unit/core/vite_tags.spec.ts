import { test } from '@japa/runner'
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Vite } from '@adonisjs/vite'
import { cacheEntryPointTags } from '#core/views/vite_tags'

/** A production Vite (a manifest, no dev server) over a scratch build folder. */
async function productionVite() {
  const folder = await mkdtemp(join(tmpdir(), 'manassa-vite-'))
  await mkdir(join(folder, '.vite'))
  const manifest = {
    'resources/js/app.js': {
      file: 'app-abc123.js',
      src: 'resources/js/app.js',
      isEntry: true,
      imports: ['_shared.js'],
    },
    '_shared.js': { file: 'shared-def456.js', css: ['shared-ghi789.css'] },
    'resources/css/app.css': {
      file: 'app-jkl012.css',
      src: 'resources/css/app.css',
      isEntry: true,
    },
  }
  await writeFile(join(folder, '.vite/manifest.json'), JSON.stringify(manifest))
  const options = { buildDirectory: folder, manifestFile: join(folder, '.vite/manifest.json') }
  const make = () =>
    new Vite({ ...options, assetsUrl: '/assets', scriptAttributes: { defer: true } })
  return { folder, make }
}

const html = (tags: { toString(): string }[]) => tags.map(String).join('\n')

test.group('Vite entry point tags (production)', (group) => {
  let scratch: Awaited<ReturnType<typeof productionVite>>
  group.each.setup(async () => {
    scratch = await productionVite()
    return () => rm(scratch.folder, { recursive: true, force: true })
  })

  test('the same tags as Vite makes, made once per list of entry points and attributes', async ({
    assert,
  }) => {
    const stock = scratch.make()
    const cached = scratch.make()
    cacheEntryPointTags(cached)
    const layout = ['resources/css/app.css', 'resources/js/app.js']
    const first = await cached.generateEntryPointsTags(layout)
    assert.equal(html(first), html(await stock.generateEntryPointsTags(layout)))
    assert.include(html(first), '/assets/app-abc123.js')
    assert.strictEqual(await cached.generateEntryPointsTags(layout), first)

    const other = await cached.generateEntryPointsTags('resources/js/app.js', { async: true })
    assert.equal(
      html(other),
      html(await stock.generateEntryPointsTags('resources/js/app.js', { async: true }))
    )
    assert.notEqual(html(other), html(first))
  })

  test('an entry point missing from the manifest is still an error, every time', async ({
    assert,
  }) => {
    const cached = scratch.make()
    cacheEntryPointTags(cached)
    for (let attempt = 0; attempt < 2; attempt++) {
      await assert.rejects(() => cached.generateEntryPointsTags('resources/js/missing.js'))
    }
    assert.include(html(await cached.generateEntryPointsTags('resources/js/app.js')), 'app-abc123')
  })
})
