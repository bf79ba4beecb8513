import { test } from '@japa/runner'
import { attendanceMet, attendanceRate, completionOf } from '#training/completion'
import {
  groupCode,
  newCertificateCode,
  normalizeCertificateCode,
} from '#training/certificate_codes'
import { weeklySessions } from '#training/schedule'

const rule = (presentSessions: number, heldSessions: number, assessmentPassed: boolean | null) =>
  completionOf({ presentSessions, heldSessions, threshold: 80, assessmentPassed })

test.group('Completion rule', () => {
  test('attendance exactly at the threshold completes, one session less fails', ({ assert }) => {
    assert.equal(rule(4, 5, true), 'completed')
    assert.equal(rule(8, 10, true), 'completed')
    assert.equal(rule(7, 10, true), 'failed')
    assert.equal(rule(3, 5, true), 'failed')
  })

  test('a threshold that is not a whole number of sessions rounds against the trainee', ({
    assert,
  }) => {
    // 80 % of 7 sessions is 5.6: 5 is not enough, 6 is.
    assert.equal(rule(5, 7, true), 'failed')
    assert.equal(rule(6, 7, true), 'completed')
  })

  test('with no session held nobody completes, unless the threshold is 0 %', ({ assert }) => {
    assert.equal(rule(0, 0, true), 'failed')
    assert.isTrue(
      attendanceMet({ presentSessions: 0, heldSessions: 0, threshold: 0, assessmentPassed: true })
    )
    assert.isNull(attendanceRate(0, 0))
  })

  test('a failed or missing assessment fails even with full attendance', ({ assert }) => {
    assert.equal(rule(10, 10, false), 'failed')
    assert.equal(rule(10, 10, null), 'failed')
  })
})

test.group('Certificate codes', () => {
  test('codes are 16 unguessable base32 characters, read back whatever the typing', ({
    assert,
  }) => {
    const codes = new Set(Array.from({ length: 2000 }, () => newCertificateCode()))
    assert.equal(codes.size, 2000)
    for (const code of codes) assert.match(code, /^[0-9A-HJKMNP-TV-Z]{16}$/)
    const code = [...codes][0]
    const grouped = groupCode(code)
    assert.match(grouped, /^(.{4}-){3}.{4}$/)
    assert.equal(normalizeCertificateCode(` ${grouped.toLowerCase()} `), code)
    assert.equal(normalizeCertificateCode('0O1I-L000-0000-0000'), '0011100000000000')
    assert.isNull(normalizeCertificateCode('short'))
    assert.isNull(normalizeCertificateCode('UUUU-UUUU-UUUU-UUUU'))
  })
})

test.group('Session schedule', () => {
  test('weekdays between two dates at the same Casablanca wall-clock time', ({ assert }) => {
    const slots = weeklySessions({
      startsOn: '2026-03-02', // a Monday
      endsOn: '2026-03-15',
      weekdays: [1, 3],
      startTime: '09:00',
      endTime: '12:30',
    })
    assert.lengthOf(slots, 4)
    assert.deepEqual(
      slots.map((slot) => slot.startsAt.setZone('Africa/Casablanca').toFormat('ccc dd HH:mm')),
      ['Mon 02 09:00', 'Wed 04 09:00', 'Mon 09 09:00', 'Wed 11 09:00']
    )
    assert.equal(slots[0].endsAt.diff(slots[0].startsAt, 'minutes').minutes, 210)
  })
})
