import { test } from '@japa/runner'
import { mayNamePublicFile } from '#core/middleware/public_files_middleware'

test.group('Public files', () => {
  test('only URLs under a name in public/ are looked up on disk', ({ assert }) => {
    assert.isTrue(mayNamePublicFile('/favicon.ico'))
    assert.isTrue(mayNamePublicFile('/favicon.svg'))
    assert.isTrue(mayNamePublicFile('/fav%69con.ico'))
    assert.isTrue(
      mayNamePublicFile('/%E0%A4%A'),
      'a malformed escape is left to the static middleware'
    )
    assert.isFalse(mayNamePublicFile('/'))
    assert.isFalse(mayNamePublicFile('/api/v1/calls'))
    assert.isFalse(mayNamePublicFile('/training'))
  })

  test('a public file is still served, with its cache validators', async ({ client, assert }) => {
    const response = await client.get('/favicon.svg')
    response.assertStatus(200)
    assert.exists(response.header('etag'))
    assert.exists(response.header('last-modified'))
  })
})
