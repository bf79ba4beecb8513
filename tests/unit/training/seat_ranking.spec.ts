import { test } from '@japa/runner'
import { rankByMerit } from '#training/seat_allocation'

test.group('Seats / merit ranking', () => {
  test('the best scores take the free seats, the rest wait in rank order', ({ assert }) => {
    const outcome = rankByMerit(
      [
        { id: 1, score: 40, createdAt: 1 },
        { id: 2, score: 90, createdAt: 2 },
        { id: 3, score: 70, createdAt: 3 },
        { id: 4, score: null, createdAt: 0 },
      ],
      2
    )
    assert.deepEqual(outcome, { accepted: [2, 3], waitlisted: [1, 4] })
  })

  test('ties go to who enrolled first, then to the lower id', ({ assert }) => {
    const outcome = rankByMerit(
      [
        { id: 9, score: 50, createdAt: 5 },
        { id: 7, score: 50, createdAt: 5 },
        { id: 8, score: 50, createdAt: 4 },
      ],
      1
    )
    assert.deepEqual(outcome, { accepted: [8], waitlisted: [7, 9] })
  })

  test('no free seat accepts nobody; more seats than candidates accepts everyone', ({ assert }) => {
    const candidates = [{ id: 1, score: 10, createdAt: 1 }]
    assert.deepEqual(rankByMerit(candidates, 0), { accepted: [], waitlisted: [1] })
    assert.deepEqual(rankByMerit(candidates, -2), { accepted: [], waitlisted: [1] })
    assert.deepEqual(rankByMerit(candidates, 5), { accepted: [1], waitlisted: [] })
  })
})
