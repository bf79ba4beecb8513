import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import i18nManager from '@adonisjs/i18n/services/main'
import { DateTime } from 'luxon'
import DeadlineExtension from '#applications/models/deadline_extension'
import DraftReminderMail from '#applications/mails/draft_reminder_mail'
import { SubmitApplication } from '#applications/actions/submit_application'
import { SendDraftReminders } from '#applications/actions/send_draft_reminders'
import { openCallOf } from '#database/factories/programme_factory'
import { draftOf } from '#database/factories/application_factory'
import { UserFactory, userWithRoles } from '#database/factories/user_factory'
import { formatCasablanca, toCasablancaInput } from '#core/casablanca_time'
import { captureMail, isolateEachTest } from '#tests/helpers/http'
import type { DomainError } from '#core/exceptions/domain_error'

const ANSWERS = { project: { name: 'Argan AI' } }

/** A call that closed an hour ago (and was closed by the office), with one draft on it. */
async function lateDraft() {
  const call = await openCallOf()
  await call.merge({ closesAt: DateTime.utc().minus({ hours: 1 }), state: 'closed' }).save()
  const founder = await userWithRoles('applicant')
  const draft = await draftOf(founder, call, ANSWERS)
  return { call, founder, draft }
}

test.group('Deadline extensions / granting', (group) => {
  isolateEachTest(group)

  test('an officer extends one applicant deadline with a reason, audited; the applicant sees it in Casablanca time', async ({
    client,
    assert,
  }) => {
    const { call, founder, draft } = await lateDraft()
    const officer = await userWithRoles('programme_officer')
    const until = DateTime.utc().plus({ days: 2 }).startOf('minute')

    const response = await client
      .post(`/staff/calls/${call.id}/deadline-extensions`)
      .form({
        email: founder.email.toUpperCase(),
        closesAt: toCasablancaInput(until),
        reason: 'Panne du portail signalée le jour de la clôture',
      })
      .loginAs(officer)
      .withCsrfToken()
      .redirects(0)

    response.assertStatus(302)
    const extension = await DeadlineExtension.findByOrFail('applicationId', draft.id)
    assert.equal(extension.closesAt.toMillis(), until.toMillis())
    assert.equal(extension.grantedBy, officer.id)
    const audit = await db
      .from('audit_logs')
      .where({ action: 'application.deadline_extended', subject_id: String(draft.id) })
      .firstOrFail()
    assert.equal(audit.actor_id, officer.id)
    assert.equal(audit.reason, 'Panne du portail signalée le jour de la clôture')

    const page = await client.get(`/applications/${draft.id}`).loginAs(founder)
    page.assertTextIncludes(formatCasablanca(until, 'fr'))
    page.assertTextIncludes(i18nManager.locale('fr').t('deadlines.extended'))
    const list = await client.get(`/staff/calls/${call.id}/deadline-extensions`).loginAs(officer)
    list.assertStatus(200)
    list.assertTextIncludes('Panne du portail')
  })

  test('no draft for the address, a date not later than the closing, a short reason: 422 on the field', async ({
    client,
    assert,
  }) => {
    const { call, founder } = await lateDraft()
    const officer = await userWithRoles('programme_officer')
    const stranger = await userWithRoles('applicant')
    const later = toCasablancaInput(DateTime.utc().plus({ days: 1 }))
    for (const [form, field] of [
      [{ email: stranger.email, closesAt: later, reason: 'Une raison suffisante' }, 'email'],
      [
        {
          email: founder.email,
          closesAt: toCasablancaInput(call.closesAt.minus({ hours: 1 })),
          reason: 'Une raison suffisante',
        },
        'closesAt',
      ],
      [{ email: founder.email, closesAt: later, reason: 'court' }, 'reason'],
      [{ email: founder.email, closesAt: 'demain', reason: 'Une raison suffisante' }, 'closesAt'],
    ] as const) {
      const response = await client
        .post(`/staff/calls/${call.id}/deadline-extensions`)
        .accept('json')
        .json(form)
        .loginAs(officer)
        .withCsrfToken()
      response.assertStatus(422)
      assert.equal(response.body().errors[0].field, field)
    }
    assert.lengthOf(await DeadlineExtension.query().where('callId', call.id), 0)
  })

  test('only programme officers extend deadlines: applicant and reviewer 403, guest to login', async ({
    client,
  }) => {
    const { call, founder } = await lateDraft()
    const reviewer = await userWithRoles('reviewer')
    const form = {
      email: founder.email,
      closesAt: toCasablancaInput(DateTime.utc().plus({ days: 1 })),
      reason: 'Une raison suffisante',
    }
    for (const who of [founder, reviewer]) {
      const post = await client
        .post(`/staff/calls/${call.id}/deadline-extensions`)
        .accept('json')
        .json(form)
        .loginAs(who)
        .withCsrfToken()
      post.assertStatus(403)
      const page = await client.get(`/staff/calls/${call.id}/deadline-extensions`).loginAs(who)
      page.assertStatus(403)
    }
    const guest = await client.get(`/staff/calls/${call.id}/deadline-extensions`).redirects(0)
    guest.assertStatus(302)
    guest.assertHeader('location', '/login')
  })
})

test.group('Deadline extensions / submission at the boundary', (group) => {
  isolateEachTest(group)

  test('with an extension, one minute before it is accepted and one minute after is refused', async ({
    assert,
  }) => {
    const officer = await userWithRoles('programme_officer')
    const extendedUntil = DateTime.utc().plus({ hours: 3 }).startOf('minute')
    const submit = new SubmitApplication()
    const i18n = i18nManager.locale('fr')

    const early = await lateDraft()
    const late = await lateDraft()
    for (const { call, draft } of [early, late]) {
      await DeadlineExtension.create({
        callId: call.id,
        applicationId: draft.id,
        closesAt: extendedUntil,
        reason: 'Panne du portail',
        grantedBy: officer.id,
      })
    }

    const submitted = await submit.handle(
      early.draft,
      { id: early.founder.id },
      i18n,
      extendedUntil.minus({ minutes: 1 })
    )
    assert.equal(submitted.state === 'draft', false)

    try {
      await submit.handle(
        late.draft,
        { id: late.founder.id },
        i18n,
        extendedUntil.plus({ minutes: 1 })
      )
      assert.fail('submitted after the extension')
    } catch (error) {
      assert.equal((error as DomainError).translationKey, 'applications.errors.deadline_passed')
    }
    await late.draft.refresh()
    assert.equal(late.draft.state, 'draft')
  })

  test('another applicant of the same closed call is still refused; over HTTP the extended one submits', async ({
    client,
  }) => {
    const { call, founder, draft } = await lateDraft()
    const other = await userWithRoles('applicant')
    const otherDraft = await draftOf(other, call, ANSWERS)
    const officer = await userWithRoles('programme_officer')
    await DeadlineExtension.create({
      callId: call.id,
      applicationId: draft.id,
      closesAt: DateTime.utc().plus({ minutes: 1 }),
      reason: 'Panne du portail',
      grantedBy: officer.id,
    })

    const refused = await client
      .post(`/applications/${otherDraft.id}/submission`)
      .accept('json')
      .json({})
      .loginAs(other)
      .withCsrfToken()
    refused.assertStatus(409)
    const accepted = await client
      .post(`/applications/${draft.id}/submission`)
      .accept('json')
      .json({})
      .loginAs(founder)
      .withCsrfToken()
    accepted.assertStatus(201)
  })

  test('an extension that has passed is refused like the call deadline', async ({ client }) => {
    const { call, founder, draft } = await lateDraft()
    const officer = await userWithRoles('programme_officer')
    await DeadlineExtension.create({
      callId: call.id,
      applicationId: draft.id,
      closesAt: DateTime.utc().minus({ minutes: 1 }),
      reason: 'Panne du portail',
      grantedBy: officer.id,
    })
    const refused = await client
      .post(`/applications/${draft.id}/submission`)
      .accept('json')
      .json({})
      .loginAs(founder)
      .withCsrfToken()
    refused.assertStatus(409)
  })
})

test.group('Draft reminders', (group) => {
  isolateEachTest(group)

  test('the owner of a draft N days from the deadline is mailed once, in their language; reruns mail nobody', async ({
    assert,
  }) => {
    const mails = captureMail()
    const now = DateTime.utc()
    const soon = await openCallOf()
    await soon.merge({ closesAt: now.plus({ days: 2 }), draftReminderDays: 3 }).save()
    const later = await openCallOf()
    await later.merge({ closesAt: now.plus({ days: 10 }), draftReminderDays: 3 }).save()
    const silent = await openCallOf()
    await silent.merge({ closesAt: now.plus({ days: 1 }), draftReminderDays: 0 }).save()

    const owner = await UserFactory.merge({ preferredLocale: 'zgh' }).create()
    const reminded = await draftOf(owner, soon, ANSWERS)
    const notYet = await draftOf(await userWithRoles('applicant'), later, ANSWERS)
    const off = await draftOf(await userWithRoles('applicant'), silent, ANSWERS)
    const submitted = await draftOf(await userWithRoles('applicant'), soon, ANSWERS)
    await new SubmitApplication().handle(submitted, { id: null }, i18nManager.locale('fr'))

    const reminders = new SendDraftReminders()
    await reminders.handle(now)
    await reminders.handle(now.plus({ minutes: 5 }))

    const rows = await db
      .from('draft_reminders')
      .whereIn('application_id', [reminded.id, notYet.id, off.id, submitted.id])
    assert.deepEqual(
      rows.map((row) => row.application_id),
      [reminded.id]
    )
    const ours = mails
      .queued()
      .filter((mail) => mail instanceof DraftReminderMail && mail.user.id === owner.id)
    assert.lengthOf(ours, 1)
    const mail = ours[0] as DraftReminderMail
    mail.prepare()
    mail.message.assertSubject(i18nManager.locale('zgh').t('members.mail.draft_reminder.subject'))
    assert.equal(mail.path, `/applications/${reminded.id}/edit`)
  })

  test('an extended deadline is reminded N days before the extension, not before the call', async ({
    assert,
  }) => {
    captureMail()
    const now = DateTime.utc()
    const call = await openCallOf()
    await call.merge({ closesAt: now.plus({ days: 1 }), draftReminderDays: 3 }).save()
    const founder = await userWithRoles('applicant')
    const draft = await draftOf(founder, call, ANSWERS)
    const officer = await userWithRoles('programme_officer')
    await DeadlineExtension.create({
      callId: call.id,
      applicationId: draft.id,
      closesAt: now.plus({ days: 10 }),
      reason: 'Panne du portail',
      grantedBy: officer.id,
    })
    const reminders = new SendDraftReminders()
    await reminders.handle(now)
    assert.lengthOf(await db.from('draft_reminders').where('application_id', draft.id), 0)
    await reminders.handle(now.plus({ days: 8 }))
    assert.lengthOf(await db.from('draft_reminders').where('application_id', draft.id), 1)
  })

  test('officers set N in the call settings (0 turns reminders off)', async ({
    client,
    assert,
  }) => {
    const call = await openCallOf()
    const officer = await userWithRoles('programme_officer')
    const response = await client
      .put(`/staff/calls/${call.id}`)
      .form({
        descriptionFr: 'Un appel de test.',
        // The form shows minutes: the next one, since an open call only closes later.
        closesAt: toCasablancaInput(call.closesAt.plus({ minutes: 1 })),
        draftReminderDays: '7',
      })
      .loginAs(officer)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    await call.refresh()
    assert.equal(call.draftReminderDays, 7)
    const refused = await client
      .put(`/staff/calls/${call.id}`)
      .accept('json')
      .json({
        descriptionFr: 'Un appel de test.',
        closesAt: toCasablancaInput(call.closesAt.plus({ minutes: 1 })),
        draftReminderDays: 61,
      })
      .loginAs(officer)
      .withCsrfToken()
    refused.assertStatus(422)
  })
})
