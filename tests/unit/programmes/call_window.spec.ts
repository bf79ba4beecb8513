import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { acceptsSubmission, callWindow, timeLeftUntil } from '#programmes/call_window'
import { acceptedTypesText, documentsNeeded } from '#programmes/public_calls'
import type { FormDefinition } from '#programmes/forms/form_definition'

const now = DateTime.fromISO('2026-03-01T12:00:00Z')

test.group('Call window and time left', () => {
  test('time left is shown in its largest whole unit, rounded down', ({ assert }) => {
    assert.deepEqual(timeLeftUntil(now.plus({ days: 3, hours: 20 }), now), {
      unit: 'day',
      count: 3,
    })
    assert.deepEqual(timeLeftUntil(now.plus({ hours: 23, minutes: 59 }), now), {
      unit: 'hour',
      count: 23,
    })
    assert.deepEqual(timeLeftUntil(now.plus({ minutes: 59 }), now), { unit: 'minute', count: 59 })
    assert.deepEqual(timeLeftUntil(now.plus({ seconds: 20 }), now), { unit: 'minute', count: 1 })
    assert.isNull(timeLeftUntil(now, now))
    assert.isNull(timeLeftUntil(now.minus({ seconds: 1 }), now))
  })

  test('a published call is open inside [opens, closes), closed at the closing instant', ({
    assert,
  }) => {
    const call = {
      state: 'open',
      opensAt: now.minus({ days: 1 }),
      closesAt: now.plus({ hours: 5 }),
    }
    assert.deepEqual(callWindow(call, now), {
      status: 'open',
      timeLeft: { unit: 'hour', count: 5 },
    })
    assert.equal(callWindow(call, call.closesAt).status, 'closed')
    assert.equal(callWindow(call, call.opensAt).status, 'open')
    assert.deepEqual(callWindow(call, call.opensAt.minus({ days: 2 })), {
      status: 'not_open_yet',
      timeLeft: { unit: 'day', count: 2 },
    })
  })

  test('closed, decided and archived calls are closed whatever their dates', ({ assert }) => {
    for (const state of ['closed', 'decided', 'archived', 'draft']) {
      const call = { state, opensAt: now.minus({ days: 1 }), closesAt: now.plus({ days: 1 }) }
      assert.equal(callWindow(call, now).status, 'closed', state)
    }
  })

  test('JavaScript dates and Luxon instants are read alike', ({ assert }) => {
    const closesAt = now.plus({ days: 2 })
    assert.deepEqual(
      timeLeftUntil(closesAt.toJSDate(), now.toJSDate()),
      timeLeftUntil(closesAt, now)
    )
  })
})

test.group('Documents needed', () => {
  const definition: FormDefinition = {
    sections: [
      {
        key: 'a',
        title: { fr: 'A' },
        fields: [
          { key: 'name', type: 'text', label: { fr: 'Nom' } },
          {
            key: 'deck',
            type: 'file',
            label: { fr: 'Présentation' },
            accept: ['application/pdf'],
            maxSizeMb: 5,
            required: true,
          },
        ],
      },
      {
        key: 'b',
        title: { fr: 'B' },
        fields: [
          {
            key: 'team',
            type: 'group',
            label: { fr: 'Équipe' },
            fields: [
              {
                key: 'cv',
                type: 'file',
                label: { fr: 'CV' },
                accept: ['application/pdf', 'image/png'],
                required: true,
              },
            ],
          },
        ],
      },
    ],
  }

  test('lists the file fields in form order, group files included', ({ assert }) => {
    assert.deepEqual(documentsNeeded(definition), [
      {
        label: { fr: 'Présentation' },
        group: null,
        accept: ['application/pdf'],
        maxSizeMb: 5,
        required: true,
      },
      // a required file in a group that may stay empty is not required overall
      {
        label: { fr: 'CV' },
        group: { fr: 'Équipe' },
        accept: ['application/pdf', 'image/png'],
        maxSizeMb: null,
        required: false,
      },
    ])
    assert.deepEqual(documentsNeeded(null), [])
  })

  test('accepted types read as a list in the reader language', ({ assert }) => {
    const types = ['application/pdf', 'image/png', 'image/jpeg']
    assert.equal(acceptedTypesText(types, 'fr'), 'PDF, PNG ou JPEG')
    assert.equal(acceptedTypesText(types, 'en'), 'PDF, PNG or JPEG')
    assert.include(acceptedTypesText(types, 'ar'), 'أو')
    assert.equal(acceptedTypesText(types, 'zgh'), 'PDF, PNG, JPEG')
    assert.equal(acceptedTypesText(['text/csv'], 'fr'), 'text/csv')
  })
})

test.group('Submission window with an extended deadline (issue 14)', () => {
  const closesAt = DateTime.fromISO('2026-06-30T16:00:00Z')
  const extended = DateTime.fromISO('2026-07-02T16:00:00Z')
  const at = (iso: string) => DateTime.fromISO(iso)

  test('an open call accepts up to its closing instant, then refuses', ({ assert }) => {
    const call = { state: 'open', closesAt }
    assert.isTrue(acceptsSubmission(call, null, at('2026-06-30T15:59:00Z')))
    assert.isTrue(acceptsSubmission(call, null, closesAt))
    assert.isFalse(acceptsSubmission(call, null, at('2026-06-30T16:01:00Z')))
  })

  test('an extension accepts one minute before it and refuses one minute after, even once closed', ({
    assert,
  }) => {
    for (const state of ['open', 'closed']) {
      const call = { state, closesAt }
      assert.isTrue(acceptsSubmission(call, extended, at('2026-07-02T15:59:00Z')), state)
      assert.isFalse(acceptsSubmission(call, extended, at('2026-07-02T16:01:00Z')), state)
    }
  })

  test('a decided, archived or draft call accepts nothing, extension or not', ({ assert }) => {
    for (const state of ['draft', 'decided', 'archived']) {
      assert.isFalse(
        acceptsSubmission({ state, closesAt }, extended, at('2026-06-01T10:00:00Z')),
        state
      )
    }
  })

  test('an extension earlier than the call does not shorten it', ({ assert }) => {
    const call = { state: 'open', closesAt }
    const earlier = at('2026-06-20T16:00:00Z')
    assert.isTrue(acceptsSubmission(call, earlier, at('2026-06-25T10:00:00Z')))
  })
})
