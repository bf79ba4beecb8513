import { test } from '@japa/runner'
import fc from 'fast-check'
import { sameOriginPath } from '#core/same_origin_path'

const OURS = ['portal.test', 'localhost:3333']

test.group('sameOriginPath', () => {
  test('a page of the site gives its path and query', ({ assert }) => {
    assert.equal(sameOriginPath('/calls?page=2', OURS), '/calls?page=2')
    assert.equal(sameOriginPath('https://portal.test/training#top', OURS), '/training')
    assert.equal(sameOriginPath('http://localhost:3333/', OURS), '/')
    assert.equal(sameOriginPath('/ar/%D8%A8', OURS), '/ar/%D8%A8')
  })

  test('anything else gives the home page', ({ assert }) => {
    for (const referer of [
      undefined,
      '',
      '//evil.example/x',
      '/\\evil.example',
      '\\\\evil.example',
      '/\t/evil.example',
      ' //evil.example',
      '/%2F%2Fevil.example',
      '/%2f/evil.example',
      '/%5Cevil.example',
      '/%252F%252Fevil.example',
      'https://evil.example/calls',
      'https://portal.test@evil.example/',
      'https://portal.test.evil.example/',
      'javascript:alert(1)',
      'ftp://portal.test/x',
      'http://[::1',
    ]) {
      assert.equal(sameOriginPath(referer, OURS), '/', String(referer))
    }
  })

  test('whatever the Referer, the way back stays on the site', ({ assert }) => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.webUrl(),
          fc.webPath(),
          fc
            .array(fc.constantFrom('/', '\\', '%2f', '%5c', '%25', 'evil.example', '\t', '@', ':'))
            .map((parts) => parts.join(''))
        ),
        (referer) => {
          const path = sameOriginPath(referer, OURS)
          assert.isTrue(path.startsWith('/'))
          assert.isFalse(path.startsWith('//'))
          assert.equal(new URL(path, 'https://portal.test').host, 'portal.test')
        }
      ),
      { numRuns: 2000 }
    )
  })
})
