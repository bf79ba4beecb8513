import { test } from '@japa/runner'

test.group('Health', () => {
  test('reports the database, Redis and the queues as healthy', async ({ client, assert }) => {
    const response = await client.get('/health')
    response.assertStatus(200)
    const body = response.body()
    assert.isTrue(body.healthy)
    assert.isTrue(body.database.healthy)
    assert.isTrue(body.redis.healthy)
    assert.equal(body.queue.queues[0].name, 'default')
    assert.isNumber(body.queue.queues[0].waiting)
  })
})
