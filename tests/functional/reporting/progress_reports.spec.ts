import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { jobs } from '#start/jobs'
import ProgressReport from '#reporting/progress/models/progress_report'
import ProgressReminderMail from '#reporting/progress/mails/progress_reminder_mail'
import { SendProgressReminders } from '#reporting/progress/actions/send_progress_reminders'
import { periodsOf } from '#reporting/progress/progress_schedule'
import { agreementFor } from '#database/factories/agreement_factory'
import { userWithRoles } from '#database/factories/user_factory'
import { captureMail, isolateEachTest } from '#tests/helpers/http'
import { nowInCasablanca } from '#core/casablanca_time'
import { Money } from '#core/money'
import { resetRedis } from '#tests/helpers/services'

/** A startup agreement signed `monthsAgo` months (and `days` days) ago, in Casablanca. */
async function startupAgreementSigned(monthsAgo: number, days = 0) {
  const made = await agreementFor({ kind: 'startup_offer' })
  const signed = nowInCasablanca()
    .startOf('day')
    .minus({ months: monthsAgo, days })
    .plus({ hours: 12 })
  await db
    .from('agreements')
    .where('id', made.agreement.id)
    .update({ created_at: signed.toJSDate() })
  return { ...made, signedOn: signed.toISODate()! }
}

const VALID = {
  jobsCreated: '3',
  revenueBand: 'under_1m',
  fundsRaised: '250 000',
  teamSize: '6',
  womenInTeam: '2',
}

async function reminderMails(mails: ReturnType<typeof captureMail>) {
  const queued = mails.queued(
    (mail) => mail instanceof ProgressReminderMail
  ) as ProgressReminderMail[]
  for (const mail of queued) await mail.message.computeContents()
  return queued
}

test.group('Progress reports: schedule and submission', (group) => {
  isolateEachTest(group)

  test('a startup reports each quarter from its agreement; a late quarter shows as late', async ({
    assert,
  }) => {
    const { agreement, signedOn } = await startupAgreementSigned(7)
    const periods = await periodsOf(agreement.id, nowInCasablanca())
    assert.lengthOf(periods, 8)
    assert.equal(periods[0].periodStart, signedOn)
    assert.equal(periods[1].periodStart, DateTime.fromISO(signedOn).plus({ months: 3 }).toISODate())
    assert.equal(
      periods[0].dueOn,
      DateTime.fromISO(signedOn).plus({ months: 3, days: 9 }).toISODate()
    )
    assert.deepEqual(
      periods.map((period) => period.status),
      ['late', 'late', 'due', 'upcoming', 'upcoming', 'upcoming', 'upcoming', 'upcoming']
    )
  })

  test('the bourse de vie reports each stipend month of its schedule, not a cancelled one', async ({
    assert,
  }) => {
    const { agreement, tranches } = await agreementFor({ kind: 'living_grant' })
    await db.from('tranches').where('id', tranches[1].id).update({ state: 'cancelled' })
    const periods = await periodsOf(agreement.id, nowInCasablanca())
    assert.lengthOf(periods, tranches.length - 1)
    assert.equal(periods[0].periodStart, tranches[0].dueOn!.toISODate())
    assert.notInclude(
      periods.map((period) => period.periodStart),
      tranches[1].dueOn!.toISODate()!
    )
  })

  test('the beneficiary reports a period, then corrects it; both audited, one row', async ({
    client,
    assert,
  }) => {
    const { agreement, applicant, signedOn } = await startupAgreementSigned(4)
    const page = await client.get(`/agreements/${agreement.id}/progress`).loginAs(applicant)
    page.assertStatus(200)
    assert.include(page.text(), `name="periodStart" value="${signedOn}"`)

    const first = await client
      .post(`/agreements/${agreement.id}/progress`)
      .form({ ...VALID, periodStart: signedOn })
      .loginAs(applicant)
      .withCsrfToken()
      .redirects(0)
    first.assertStatus(302)
    const report = await ProgressReport.query().where('agreement_id', agreement.id).firstOrFail()
    assert.include(report.$attributes, {
      jobsCreated: 3,
      revenueBand: 'under_1m',
      fundsRaisedCentimes: 25_000_000,
      teamSize: 6,
      womenInTeam: 2,
      submittedBy: applicant.id,
    })

    const corrected = await client
      .post(`/agreements/${agreement.id}/progress`)
      .json({ ...VALID, periodStart: signedOn, jobsCreated: 4 })
      .loginAs(applicant)
      .withCsrfToken()
      .accept('json')
    corrected.assertStatus(200)
    const rows = await ProgressReport.query().where('agreement_id', agreement.id)
    assert.lengthOf(rows, 1)
    assert.equal(rows[0].jobsCreated, 4)
    const audits = await db
      .from('audit_logs')
      .where({ subject_type: 'agreement', subject_id: String(agreement.id) })
      .whereLike('action', 'progress_report.%')
      .orderBy('id')
    assert.deepEqual(
      audits.map((audit) => audit.action),
      ['progress_report.submitted', 'progress_report.corrected']
    )
    assert.equal(audits[1].metadata.before.jobsCreated, 3)
    assert.equal(audits[1].metadata.after.jobsCreated, 4)

    // The programme officer reads the corrected figures, without a form.
    const officer = await userWithRoles('programme_officer')
    const read = await client.get(`/agreements/${agreement.id}/progress`).loginAs(officer)
    read.assertStatus(200)
    assert.match(read.text(), /<td class="numeric">4<\/td>\s*<td>Moins de 1 M MAD<\/td>/)
    assert.notInclude(read.text(), 'name="periodStart"')
  })

  test('bad figures are a 422 with a message per field, in the person language', async ({
    client,
    assert,
  }) => {
    const { agreement, applicant, signedOn } = await startupAgreementSigned(4)
    const response = await client
      .post(`/agreements/${agreement.id}/progress`)
      .json({
        periodStart: signedOn,
        jobsCreated: '-1',
        revenueBand: 'billions',
        fundsRaised: 'beaucoup',
        teamSize: '3',
        womenInTeam: '5',
      })
      .loginAs(applicant)
      .withCsrfToken()
      .accept('json')
    response.assertStatus(422)
    response.assertBodyContains({
      errors: [
        {
          field: 'jobsCreated',
          message: 'Le champ emplois créés doit être compris entre 0 et 100000.',
        },
        {
          field: 'revenueBand',
          message: "Choisissez une valeur proposée pour chiffre d'affaires.",
        },
        {
          field: 'fundsRaised',
          message:
            'Le champ fonds levés doit être un montant en dirhams, par ex. 250 000 ou 1 234,50.',
        },
        {
          field: 'womenInTeam',
          message: "Le nombre de femmes ne peut dépasser la taille de l'équipe.",
        },
      ],
    })
    assert.lengthOf(await ProgressReport.query().where('agreement_id', agreement.id), 0)
  })

  test('a period outside the schedule or not started yet is refused', async ({ client }) => {
    const { agreement, applicant, signedOn } = await startupAgreementSigned(0)
    const upcoming = DateTime.fromISO(signedOn).plus({ months: 3 }).toISODate()
    for (const periodStart of [upcoming, '2020-01-01']) {
      const response = await client
        .post(`/agreements/${agreement.id}/progress`)
        .json({ ...VALID, periodStart })
        .loginAs(applicant)
        .withCsrfToken()
        .accept('json')
      response.assertStatus(422)
      response.assertBodyContains({
        errors: [
          {
            field: 'periodStart',
            message: "Cette période n'est pas ouverte pour cette convention.",
          },
        ],
      })
    }
  })

  test('only the beneficiary reports; others get a 404, strangers the login page', async ({
    client,
    assert,
  }) => {
    const { agreement, signedOn } = await startupAgreementSigned(4)
    const fund = await agreementFor({ kind: 'vc_call' })
    for (const role of ['applicant', 'finance_officer', 'programme_officer', 'admin'] as const) {
      const user = await userWithRoles(role)
      const page = await client.get(`/agreements/${agreement.id}/progress`).loginAs(user)
      // Officers read the schedule and the figures; nobody else learns it exists.
      page.assertStatus(['finance_officer', 'programme_officer'].includes(role) ? 200 : 404)
      if (page.status() === 200) assert.notInclude(page.text(), 'name="periodStart"')
      const post = await client
        .post(`/agreements/${agreement.id}/progress`)
        .json({ ...VALID, periodStart: signedOn })
        .loginAs(user)
        .withCsrfToken()
      post.assertStatus(404)
    }
    // A VC commitment reports through its capital calls, not here.
    const vc = await client.get(`/agreements/${fund.agreement.id}/progress`).loginAs(fund.applicant)
    vc.assertStatus(404)
    const anonymous = await client.get(`/agreements/${agreement.id}/progress`).redirects(0)
    anonymous.assertStatus(302)
    anonymous.assertHeader('location', '/login')
    const anonymousPost = await client
      .post(`/agreements/${agreement.id}/progress`)
      .form({ ...VALID, periodStart: signedOn })
      .withCsrfToken()
      .redirects(0)
    anonymousPost.assertStatus(302)
    anonymousPost.assertHeader('location', '/login')
    assert.lengthOf(await ProgressReport.all(), 0)
  })

  test('funds raised typed in dirhams on the report form reach the public scoreboard as typed', async ({
    client,
    assert,
  }) => {
    const { agreement, applicant, signedOn } = await startupAgreementSigned(4)
    const before = await client.get('/scoreboard')
    before.assertStatus(200)
    const fundsRaised = (html: string) =>
      html.match(/<dd id="figure-funds_raised">([^<]*)<\/dd>/)?.[1]?.trim()
    assert.equal(fundsRaised(before.text()), Money.ofCentimes(0).format('fr'))

    const sent = await client
      .post(`/agreements/${agreement.id}/progress`)
      .form({ ...VALID, periodStart: signedOn })
      .loginAs(applicant)
      .withCsrfToken()
      .redirects(0)
    sent.assertStatus(302)

    await resetRedis() // the public figures are cached for a minute
    const after = await client.get('/scoreboard')
    after.assertStatus(200)
    // "250 000" typed once, stored as centimes, summed in SQL, printed as money.
    assert.equal(fundsRaised(after.text()), Money.ofCentimes(25_000_000).format('fr'))
  })
})

test.group('Progress reports: reminders and the late list', (group) => {
  isolateEachTest(group)

  test('a reminder before the due date and one once it has passed, each mailed once', async ({
    assert,
  }) => {
    // Quarter 1 ended 2 days ago: due in 7 days. Quarter 1 of the other is long overdue.
    const soon = await startupAgreementSigned(3, 2)
    const late = await startupAgreementSigned(7)
    await late.applicant.merge({ preferredLocale: 'ar' }).save()
    // Reported: no reminder for that one.
    const reported = await startupAgreementSigned(3, 2)
    await db.table('progress_reports').insert({
      agreement_id: reported.agreement.id,
      period_start: reported.signedOn,
      jobs_created: 0,
      revenue_band: 'none',
      funds_raised_centimes: 0,
      team_size: 2,
      women_in_team: 1,
      submitted_by: reported.applicant.id,
      submitted_at: new Date(),
      created_at: new Date(),
      updated_at: new Date(),
    })

    const mails = captureMail()
    const { default: ProgressRemindersJob } = await jobs['progress.send_reminders']()
    const job = await app.container.make(ProgressRemindersJob)
    assert.deepEqual(await job.handle(), { reminded: 3 })
    const sent = await reminderMails(mails)
    assert.sameDeepMembers(
      sent.map((mail) => [mail.user.id, mail.reminder.kind, mail.reminder.periodStart]),
      [
        [soon.applicant.id, 'due_soon', soon.signedOn],
        [late.applicant.id, 'overdue', late.signedOn],
        [
          late.applicant.id,
          'overdue',
          DateTime.fromISO(late.signedOn).plus({ months: 3 }).toISODate(),
        ],
      ]
    )
    const toSoon = sent.find((mail) => mail.user.id === soon.applicant.id)!.message.toJSON()
    assert.match(toSoon.message.subject!, /^Rapport de progression à rendre avant le /)
    assert.include(toSoon.message.html!, `/agreements/${soon.agreement.id}/progress`)
    const toLate = sent.find((mail) => mail.user.id === late.applicant.id)!.message.toJSON()
    assert.equal(toLate.message.subject, 'تقرير التقدم متأخر')

    // A second run, the same day or the next, mails nobody again.
    const again = captureMail()
    const reminders = new SendProgressReminders()
    assert.deepEqual(await reminders.handle(), { reminded: 0 })
    assert.deepEqual(await reminders.handle(DateTime.utc().plus({ days: 1 })), { reminded: 0 })
    assert.lengthOf(await reminderMails(again), 0)
    // Once the due date has passed, the overdue reminder goes, once.
    assert.deepEqual(await reminders.handle(DateTime.utc().plus({ days: 8 })), { reminded: 1 })
    const rows = await db.from('progress_reminders').where('agreement_id', soon.agreement.id)
    assert.sameMembers(
      rows.map((row) => row.kind),
      ['due_soon', 'overdue']
    )
  })

  test('two reminder runs at once mail each period once', async ({ assert }) => {
    await startupAgreementSigned(7)
    const mails = captureMail()
    const reminders = new SendProgressReminders()
    const results = await Promise.all([reminders.handle(), reminders.handle()])
    assert.equal(results[0].reminded + results[1].reminded, 2)
    assert.lengthOf(await reminderMails(mails), 2)
  })

  test('officers see the late reports with what they need to chase them', async ({
    client,
    assert,
  }) => {
    const late = await startupAgreementSigned(7)
    await startupAgreementSigned(0)
    const officer = await userWithRoles('programme_officer')
    const response = await client.get('/staff/progress/late').loginAs(officer)
    response.assertStatus(200)
    const html = response.text()
    assert.include(html, late.application.reference!)
    assert.lengthOf(html.split(late.application.reference!), 3)

    for (const role of ['ministry', 'applicant', 'finance_officer'] as const) {
      const denied = await client.get('/staff/progress/late').loginAs(await userWithRoles(role))
      denied.assertStatus(403)
    }
    const anonymous = await client.get('/staff/progress/late').redirects(0)
    anonymous.assertStatus(302)
    anonymous.assertHeader('location', '/login')
  })
})
