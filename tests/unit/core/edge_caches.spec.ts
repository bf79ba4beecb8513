import { test } from '@japa/runner'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Edge } from 'edge.js'
import { cacheCompiledTemplates } from '#core/views/edge_caches'

/** An Edge with the cache on (as in production), its views in a scratch folder. */
async function edgeWith(files: Record<string, string>, cacheIncludes: boolean) {
  const root = await mkdtemp(join(tmpdir(), 'edge-caches-'))
  for (const [name, contents] of Object.entries(files)) {
    await writeFile(join(root, `${name}.edge`), contents)
  }
  const edge = Edge.create({ cache: true })
  edge.mount(root)
  if (cacheIncludes) cacheCompiledTemplates(edge)
  // Each time Edge reads a template's file, counted by name, and each path it resolves.
  const reads = new Map<string, number>()
  const resolved: string[] = []
  const makePath = edge.loader.makePath.bind(edge.loader)
  edge.loader.makePath = (templatePath) => {
    resolved.push(templatePath)
    return makePath(templatePath)
  }
  const resolve = edge.loader.resolve.bind(edge.loader)
  edge.loader.resolve = (templatePath) => {
    const name = templatePath.split('/').at(-1)!.replace('.edge', '')
    reads.set(name, (reads.get(name) ?? 0) + 1)
    return resolve(templatePath)
  }
  return { edge, root, reads, resolved, cleanup: () => rm(root, { recursive: true, force: true }) }
}

const PAGE = {
  page: [
    '<h1>{{ title }}</h1>',
    '@include("header")',
    '@each(member in members)',
    '@include("member")',
    '@end',
  ].join('\n'),
  header: '<p>{{ title }} ({{ members.length }})</p>',
  member: '<li>{{ member.name }}</li>',
}

test.group('Edge caches (production)', () => {
  test('an included partial is read and compiled once, and still sees its loop variables', async ({
    assert,
  }) => {
    const { edge, reads, cleanup } = await edgeWith(PAGE, true)
    try {
      const first = await edge.render('page', { title: 'A', members: [{ name: 'Amina' }] })
      const second = await edge.render('page', {
        title: 'B',
        members: [{ name: 'Youssef' }, { name: 'Salma' }],
      })
      assert.include(first, '<p>A (1)</p>')
      assert.include(first, '<li>Amina</li>')
      assert.include(second, '<p>B (2)</p>')
      assert.include(second, '<li>Youssef</li>')
      assert.include(second, '<li>Salma</li>')
      assert.equal(reads.get('member'), 1)
      assert.equal(reads.get('header'), 1)
      assert.equal(reads.get('page'), 1)
    } finally {
      await cleanup()
    }
  })

  test('without it, Edge reads an included partial again at every use', async ({ assert }) => {
    const { edge, reads, cleanup } = await edgeWith(PAGE, false)
    try {
      await edge.render('page', { title: 'A', members: [{ name: 'Amina' }, { name: 'Salma' }] })
      await edge.render('page', { title: 'B', members: [{ name: 'Youssef' }] })
      assert.equal(reads.get('member'), 3)
      assert.equal(reads.get('page'), 1)
    } finally {
      await cleanup()
    }
  })

  test('with the compiler cache off (development), includes are read afresh', async ({
    assert,
  }) => {
    const { edge, reads, cleanup } = await edgeWith(PAGE, true)
    try {
      edge.configure({ cache: false })
      await edge.render('page', { title: 'A', members: [{ name: 'Amina' }] })
      await edge.render('page', { title: 'B', members: [{ name: 'Youssef' }] })
      assert.equal(reads.get('member'), 2)
    } finally {
      await cleanup()
    }
  })

  test('a page rendered again resolves none of its templates again', async ({ assert }) => {
    const { edge, resolved, cleanup } = await edgeWith(PAGE, true)
    try {
      await edge.render('page', { title: 'A', members: [{ name: 'Amina' }] })
      assert.includeMembers(resolved, ['page', 'header', 'member'])
      resolved.length = 0
      await edge.render('page', { title: 'B', members: [{ name: 'Youssef' }] })
      assert.deepEqual(resolved, [])
    } finally {
      await cleanup()
    }
  })

  test('mounting another folder forgets what was compiled', async ({ assert }) => {
    const { edge, cleanup } = await edgeWith(PAGE, true)
    const other = await mkdtemp(join(tmpdir(), 'edge-caches-other-'))
    try {
      await writeFile(join(other, 'header.edge'), '<p>other header</p>')
      assert.include(await edge.render('header', { title: 'A', members: [] }), '<p>A (0)</p>')
      edge.mount(other)
      assert.include(await edge.render('header', {}), 'other header')
    } finally {
      await cleanup()
      await rm(other, { recursive: true, force: true })
    }
  })
})
