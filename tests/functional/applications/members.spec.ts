import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import i18nManager from '@adonisjs/i18n/services/main'
import { DateTime } from 'luxon'
import ApplicationMember from '#applications/models/application_member'
import MemberInvitationMail from '#applications/mails/member_invitation_mail'
import type Application from '#applications/models/application'
import type User from '#identity/models/user'
import { openCallOf } from '#database/factories/programme_factory'
import { draftOf } from '#database/factories/application_factory'
import { UserFactory, userWithRoles } from '#database/factories/user_factory'
import { captureMail, isolateEachTest } from '#tests/helpers/http'
import { countQueries } from '#tests/helpers/queries'
import { agreementFor } from '#database/factories/agreement_factory'

/** The owner invites `email` onto the application; returns the response and the mailed path. */
async function invite(
  client: any,
  owner: User,
  application: Application,
  email: string,
  form: Record<string, string> = { role: 'editor' }
) {
  const mails = captureMail()
  const response = await client
    .post(`/applications/${application.id}/members`)
    .form({ email, ...form })
    .loginAs(owner)
    .withCsrfToken()
    .redirects(0)
  let path: string | null = null
  for (const queued of mails.queued()) {
    if (queued instanceof MemberInvitationMail) path = queued.path
  }
  return { response, path, mails }
}

/** Owner, draft, and an invitee who accepted with the given role. */
async function withMember(client: any, role: 'editor' | 'viewer', canSubmit = false) {
  const call = await openCallOf('startup_offer')
  const owner = await userWithRoles('applicant')
  const member = await userWithRoles('applicant')
  const application = await draftOf(owner, call, { project: { name: 'Atlas' } })
  const { path } = await invite(client, owner, application, member.email, {
    role,
    ...(canSubmit ? { canSubmit: '1' } : {}),
  })
  const accepted = await client.post(path!).loginAs(member).withCsrfToken().redirects(0)
  accepted.assertStatus(302)
  return { call, owner, member, application }
}

test.group('Co-applicants / invitations', (group) => {
  isolateEachTest(group)

  test('the owner invites by email: a pending member, an audit entry, a mail in the invitee language', async ({
    client,
    assert,
  }) => {
    const call = await openCallOf('startup_offer')
    const owner = await userWithRoles('applicant')
    const invitee = await UserFactory.merge({ preferredLocale: 'ar' }).create()
    const application = await draftOf(owner, call)

    const { response, path, mails } = await invite(client, owner, application, invitee.email)

    response.assertStatus(302)
    response.assertHeader('location', `/applications/${application.id}`)
    assert.match(path!, /^\/member-invitations\/[\w-]{40,}$/)
    const member = await ApplicationMember.findByOrFail('applicationId', application.id)
    assert.equal(member.role, 'editor')
    assert.isNull(member.userId)
    assert.isNull(member.acceptedAt)
    // Only the hash of the link is stored.
    assert.notInclude(path!, member.tokenHash!)
    mails.assertQueued(MemberInvitationMail, (mail) => {
      mail.prepare()
      mail.message.assertSubject(i18nManager.locale('ar').t('members.mail.invitation.subject'))
      return mail.user.email === invitee.email
    })
    const audit = await db
      .from('audit_logs')
      .where({ action: 'application.member_invited', subject_id: String(application.id) })
      .firstOrFail()
    assert.notInclude(JSON.stringify(audit.metadata), invitee.email)
  })

  test('an unknown address is invited in the owner language and can sign up first', async ({
    client,
    assert,
  }) => {
    const call = await openCallOf('startup_offer')
    const owner = await UserFactory.merge({ preferredLocale: 'en' }).create()
    const application = await draftOf(owner, call)
    const { path, mails } = await invite(client, owner, application, 'New.Person@Example.ma')
    mails.assertQueued(MemberInvitationMail, (mail) => mail.user.preferredLocale === 'en')

    const page = await client.get(path!)
    page.assertStatus(200)
    page.assertTextIncludes(i18nManager.locale('fr').t('members.invitation.login'))
    // A guest is told to sign in with the address; no accept button.
    assert.notInclude(page.text(), i18nManager.locale('fr').t('members.invitation.accept'))
    const row = await ApplicationMember.findByOrFail('applicationId', application.id)
    assert.equal(row.email, 'new.person@example.ma')
  })

  test('inviting the owner, an invalid address or the same address twice is a 422 on the field', async ({
    client,
    assert,
  }) => {
    const call = await openCallOf('startup_offer')
    const owner = await userWithRoles('applicant')
    const application = await draftOf(owner, call)
    for (const [email, form] of [
      [owner.email, { role: 'editor' }],
      ['not-an-address', { role: 'editor' }],
      ['a@example.ma', { role: 'owner' }],
    ] as const) {
      const response = await client
        .post(`/applications/${application.id}/members`)
        .accept('json')
        .json({ email, ...form })
        .loginAs(owner)
        .withCsrfToken()
      response.assertStatus(422)
    }
    await invite(client, owner, application, 'twice@example.ma')
    const again = await client
      .post(`/applications/${application.id}/members`)
      .accept('json')
      .json({ email: 'TWICE@example.ma', role: 'viewer' })
      .loginAs(owner)
      .withCsrfToken()
    again.assertStatus(422)
    assert.equal(again.body().errors[0].field, 'email')
    assert.lengthOf(await ApplicationMember.query().where('applicationId', application.id), 1)
  })

  test('a viewer is never allowed to submit, whatever the form says', async ({
    client,
    assert,
  }) => {
    const call = await openCallOf('startup_offer')
    const owner = await userWithRoles('applicant')
    const application = await draftOf(owner, call)
    await invite(client, owner, application, 'viewer@example.ma', {
      role: 'viewer',
      canSubmit: '1',
    })
    const row = await ApplicationMember.findByOrFail('applicationId', application.id)
    assert.isFalse(row.canSubmit)
  })

  test('the link is accepted only by the invited address, once', async ({ client, assert }) => {
    const call = await openCallOf('startup_offer')
    const owner = await userWithRoles('applicant')
    const invitee = await userWithRoles('applicant')
    const stranger = await userWithRoles('applicant')
    const application = await draftOf(owner, call)
    const { path } = await invite(client, owner, application, invitee.email)

    const forwarded = await client.post(path!).loginAs(stranger).withCsrfToken().redirects(0)
    forwarded.assertStatus(302)
    const pending = await ApplicationMember.findByOrFail('applicationId', application.id)
    assert.isNull(pending.userId)

    const accepted = await client.post(path!).loginAs(invitee).withCsrfToken().redirects(0)
    accepted.assertHeader('location', `/applications/${application.id}`)
    const member = await ApplicationMember.findByOrFail('applicationId', application.id)
    assert.equal(member.userId, invitee.id)
    assert.isNull(member.tokenHash)

    const page = await client.get(path!)
    page.assertStatus(400)
    const audit = await db
      .from('audit_logs')
      .where({ action: 'application.member_accepted', subject_id: String(application.id) })
    assert.lengthOf(audit, 1)
  })

  test('an expired or malformed link is refused', async ({ client }) => {
    const call = await openCallOf('startup_offer')
    const owner = await userWithRoles('applicant')
    const invitee = await userWithRoles('applicant')
    const application = await draftOf(owner, call)
    const { path } = await invite(client, owner, application, invitee.email)
    await db
      .from('application_members')
      .where('application_id', application.id)
      .update({ token_expires_at: DateTime.utc().minus({ minutes: 1 }).toJSDate() })
    const expired = await client.get(path!)
    expired.assertStatus(400)
    const malformed = await client.get('/member-invitations/%27%3B--')
    malformed.assertStatus(400)
  })

  test('only the owner invites and revokes: editor and viewer 403, outsider 404, guest to login', async ({
    client,
  }) => {
    const { owner, member, application } = await withMember(client, 'editor', true)
    const viewer = await userWithRoles('applicant')
    await invite(client, owner, application, viewer.email, { role: 'viewer' })
    const outsider = await userWithRoles('applicant')
    const row = await ApplicationMember.query()
      .where('applicationId', application.id)
      .whereNotNull('userId')
      .firstOrFail()

    for (const [who, status] of [
      [member, 403],
      [outsider, 404],
    ] as const) {
      const post = await client
        .post(`/applications/${application.id}/members`)
        .accept('json')
        .json({ email: 'x@example.ma', role: 'viewer' })
        .loginAs(who)
        .withCsrfToken()
      post.assertStatus(status)
      const remove = await client
        .delete(`/applications/${application.id}/members/${row.id}`)
        .accept('json')
        .loginAs(who)
        .withCsrfToken()
      remove.assertStatus(status)
    }
    const guest = await client
      .post(`/applications/${application.id}/members`)
      .form({ email: 'x@example.ma', role: 'viewer' })
      .withCsrfToken()
      .redirects(0)
    guest.assertStatus(302)
    guest.assertHeader('location', '/login')
  })
})

test.group('Co-applicants / what each role may do', (group) => {
  isolateEachTest(group)

  test('members see the application in their list and on its page', async ({ client, assert }) => {
    const { member, application } = await withMember(client, 'viewer')
    const list = await client.get('/applications').loginAs(member)
    list.assertStatus(200)
    assert.include(list.text(), `/applications/${application.id}`)
    const page = await client.get(`/applications/${application.id}`).loginAs(member)
    page.assertStatus(200)
    page.assertTextIncludes(i18nManager.locale('fr').t('members.title'))
  })

  test('an editor autosaves the draft; a viewer gets 403 and the answers stay', async ({
    client,
    assert,
  }) => {
    const { member: editor, owner, application } = await withMember(client, 'editor')
    const saved = await client
      .put(`/applications/${application.id}`)
      .accept('json')
      .json({ answers: { project: { name: 'Atlas Robotics' } } })
      .loginAs(editor)
      .withCsrfToken()
    saved.assertStatus(200)
    await application.refresh()
    assert.equal(application.answers.project?.name, 'Atlas Robotics')

    const viewer = await userWithRoles('applicant')
    const { path } = await invite(client, owner, application, viewer.email, { role: 'viewer' })
    await client.post(path!).loginAs(viewer).withCsrfToken()
    const refused = await client
      .put(`/applications/${application.id}`)
      .accept('json')
      .json({ answers: { project: { name: 'Changed' } } })
      .loginAs(viewer)
      .withCsrfToken()
    refused.assertStatus(403)
    const edit = await client.get(`/applications/${application.id}/edit`).loginAs(viewer)
    edit.assertStatus(403)
    await application.refresh()
    assert.equal(application.answers.project?.name, 'Atlas Robotics')
  })

  test('an editor without the right to submit gets 403 and no submit button', async ({
    client,
    assert,
  }) => {
    const { member, application } = await withMember(client, 'editor')
    const edit = await client.get(`/applications/${application.id}/edit`).loginAs(member)
    edit.assertStatus(200)
    assert.notInclude(edit.text(), `/applications/${application.id}/submission`)
    const submit = await client
      .post(`/applications/${application.id}/submission`)
      .accept('json')
      .json({})
      .loginAs(member)
      .withCsrfToken()
    submit.assertStatus(403)
    await application.refresh()
    assert.equal(application.state, 'draft')
  })

  test('an editor allowed to submit submits the draft', async ({ client, assert }) => {
    const { member, application } = await withMember(client, 'editor', true)
    const edit = await client.get(`/applications/${application.id}/edit`).loginAs(member)
    assert.include(edit.text(), `/applications/${application.id}/submission`)
    const submit = await client
      .post(`/applications/${application.id}/submission`)
      .accept('json')
      .json({ answers: { project: { name: 'Atlas' } } })
      .loginAs(member)
      .withCsrfToken()
    submit.assertStatus(201)
    await application.refresh()
    assert.equal(application.state, 'submitted')
  })

  test('a member never withdraws, appeals or answers a decision (403)', async ({ client }) => {
    const { member, application } = await withMember(client, 'editor', true)
    const withdraw = await client
      .post(`/applications/${application.id}/withdrawal`)
      .accept('json')
      .json({})
      .loginAs(member)
      .withCsrfToken()
    withdraw.assertStatus(403)
  })

  test('a revoked member no longer knows the application exists (404)', async ({
    client,
    assert,
  }) => {
    const { owner, member, application } = await withMember(client, 'editor', true)
    const row = await ApplicationMember.findByOrFail('applicationId', application.id)
    const revoke = await client
      .delete(`/applications/${application.id}/members/${row.id}`)
      .loginAs(owner)
      .withCsrfToken()
      .redirects(0)
    revoke.assertStatus(302)
    await row.refresh()
    assert.isNotNull(row.revokedAt)

    for (const path of [
      `/applications/${application.id}`,
      `/applications/${application.id}/edit`,
    ]) {
      const response = await client.get(path).loginAs(member)
      response.assertStatus(404)
    }
    const list = await client.get('/applications').loginAs(member)
    assert.notInclude(list.text(), `/applications/${application.id}`)
    const audit = await db
      .from('audit_logs')
      .where({ action: 'application.member_revoked', subject_id: String(application.id) })
    assert.lengthOf(audit, 1)
  })

  test('a pending invitation revoked: its link no longer works', async ({ client }) => {
    const call = await openCallOf('startup_offer')
    const owner = await userWithRoles('applicant')
    const invitee = await userWithRoles('applicant')
    const application = await draftOf(owner, call)
    const { path } = await invite(client, owner, application, invitee.email)
    const row = await ApplicationMember.findByOrFail('applicationId', application.id)
    await client
      .delete(`/applications/${application.id}/members/${row.id}`)
      .loginAs(owner)
      .withCsrfToken()
    const response = await client.post(path!).loginAs(invitee).withCsrfToken().redirects(0)
    response.assertStatus(302)
    const page = await client.get(`/applications/${application.id}`).loginAs(invitee)
    page.assertStatus(404)
  })

  test('a member of another application is a 404 here; revoking another application member is a 404', async ({
    client,
  }) => {
    const first = await withMember(client, 'editor', true)
    const second = await withMember(client, 'editor', true)
    const page = await client.get(`/applications/${second.application.id}`).loginAs(first.member)
    page.assertStatus(404)
    const foreign = await ApplicationMember.findByOrFail('applicationId', second.application.id)
    const revoke = await client
      .delete(`/applications/${first.application.id}/members/${foreign.id}`)
      .accept('json')
      .loginAs(first.owner)
      .withCsrfToken()
    revoke.assertStatus(404)
  })

  test('the application page shows its members in a fixed number of queries', async ({
    client,
    assert,
  }) => {
    const { owner, member, application } = await withMember(client, 'editor')
    const one = await countQueries(() =>
      client.get(`/applications/${application.id}`).loginAs(owner)
    )
    for (let index = 0; index < 5; index++) {
      await invite(client, owner, application, `extra-${index}@example.ma`, { role: 'viewer' })
    }
    const six = await countQueries(() =>
      client.get(`/applications/${application.id}`).loginAs(owner)
    )
    assert.equal(six.queries.length, one.queries.length)
    // The accepted member by name, with their role; the pending ones by address, in order.
    const rows = [...six.result.text().matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
      row[1].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')
    )
    const names = rows.slice(2).map((row) => row.trim().split(' ')[0])
    assert.deepEqual(
      names.slice(1),
      [0, 1, 2, 3, 4].map((index) => `extra-${index}@example.ma`)
    )
    assert.include(rows[2], member.fullName)
    assert.include(rows[2], i18nManager.locale('fr').t('members.roles.editor'))
    assert.include(rows[3], i18nManager.locale('fr').t('members.statuses.pending'))
  })
})

test.group('Co-applicants / changing a role', (group) => {
  isolateEachTest(group)

  test('the owner turns an editor into a viewer: audited, and the draft is read only to them at once', async ({
    client,
    assert,
  }) => {
    const { owner, member, application } = await withMember(client, 'editor', true)
    const row = await ApplicationMember.findByOrFail('applicationId', application.id)
    const response = await client
      .put(`/applications/${application.id}/members/${row.id}`)
      .form({ role: 'viewer', canSubmit: '1' })
      .loginAs(owner)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    await row.refresh()
    assert.equal(row.role, 'viewer')
    assert.isFalse(row.canSubmit)
    const audit = await db
      .from('audit_logs')
      .where({ action: 'application.member_role_changed', subject_id: String(application.id) })
      .firstOrFail()
    assert.deepEqual(audit.metadata.to, { role: 'viewer', canSubmit: false })
    const save = await client
      .put(`/applications/${application.id}`)
      .accept('json')
      .json({ answers: { project: { name: 'Changed' } } })
      .loginAs(member)
      .withCsrfToken()
    save.assertStatus(403)
  })

  test('only the owner changes roles (member 403, outsider 404); a bad role is a 422; another application member is a 404', async ({
    client,
  }) => {
    const { owner, member, application } = await withMember(client, 'editor')
    const other = await withMember(client, 'viewer')
    const row = await ApplicationMember.findByOrFail('applicationId', application.id)
    const outsider = await userWithRoles('applicant')
    const change = async (
      who: User,
      memberId: number,
      body: Record<string, unknown>,
      status: number
    ) => {
      const response = await client
        .put(`/applications/${application.id}/members/${memberId}`)
        .accept('json')
        .json(body)
        .loginAs(who)
        .withCsrfToken()
      response.assertStatus(status)
    }
    await change(member, row.id, { role: 'editor', canSubmit: true }, 403)
    await change(outsider, row.id, { role: 'editor' }, 404)
    await change(owner, row.id, { role: 'owner' }, 422)
    const foreign = await ApplicationMember.findByOrFail('applicationId', other.application.id)
    await change(owner, foreign.id, { role: 'editor' }, 404)
  })
})

test.group('Co-applicants / the funded project', (group) => {
  isolateEachTest(group)

  /** An agreement whose application has a co-applicant of this role (accepted). */
  async function fundedWithMember(role: 'editor' | 'viewer') {
    const funded = await agreementFor({
      kind: 'startup_offer',
      trancheStates: ['paid', 'requested'],
      withBankDetails: true,
    })
    const member = await userWithRoles('applicant')
    const row = await ApplicationMember.create({
      applicationId: funded.application.id,
      userId: member.id,
      email: member.email,
      role,
      canSubmit: false,
      invitedBy: funded.applicant.id,
      invitedAt: DateTime.utc(),
      acceptedAt: DateTime.utc(),
    })
    return { ...funded, member, row }
  }

  test('a co-applicant reads the agreement and its schedule, never the payment accounts', async ({
    client,
    assert,
  }) => {
    const { agreement, member } = await fundedWithMember('viewer')
    const page = await client.get(`/agreements/${agreement.id}`).loginAs(member)
    page.assertStatus(200)
    assert.include(page.text(), 'Versée')
    assert.notInclude(page.text(), '4921')
    assert.notInclude(page.text(), 'bank-title')
    const json = await client.get(`/agreements/${agreement.id}`).accept('json').loginAs(member)
    assert.notProperty(json.body(), 'ibanLast4')
    assert.notProperty(json.body(), 'accountHolder')
    assert.lengthOf(json.body().tranches, 3)
  })

  test('money stays with the owner: an editor cannot request a tranche nor change bank details (403)', async ({
    client,
    assert,
  }) => {
    const { agreement, tranches, member } = await fundedWithMember('editor')
    const request = await client
      .post(`/agreements/${agreement.id}/tranches/${tranches[2].id}/request`)
      .form({ note: 'Une demande de tranche par un co-candidat.' })
      .loginAs(member)
      .withCsrfToken()
      .redirects(0)
    assert.equal(request.status(), 403)
    const bank = await client
      .put(`/agreements/${agreement.id}/bank_account`)
      .accept('json')
      .json({ iban: 'MA64011519000001205000534921', accountHolder: 'X', password: 'x' })
      .loginAs(member)
      .withCsrfToken()
    assert.equal(bank.status(), 403)
    await tranches[2].refresh()
    assert.equal(tranches[2].state, 'planned')
  })

  test('a revoked co-applicant, or an outsider, gets a 404 on the agreement', async ({
    client,
  }) => {
    const { agreement, member, row } = await fundedWithMember('viewer')
    const outsider = await userWithRoles('applicant')
    const before = await client.get(`/agreements/${agreement.id}`).loginAs(outsider)
    before.assertStatus(404)
    row.revokedAt = DateTime.utc()
    await row.save()
    const after = await client.get(`/agreements/${agreement.id}`).loginAs(member)
    after.assertStatus(404)
  })
})
