import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import mail from '@adonisjs/mail/services/main'
import ApplicationMember from '#applications/models/application_member'
import MemberInvitationMail from '#applications/mails/member_invitation_mail'
import { InviteApplicationMember } from '#applications/actions/invite_application_member'
import { AcceptMemberInvitation } from '#applications/actions/accept_member_invitation'
import { openCallOf } from '#database/factories/programme_factory'
import { draftOf } from '#database/factories/application_factory'
import { userWithRoles } from '#database/factories/user_factory'
import { resetRedis } from '#tests/helpers/services'

/*
| Real transactions, committed: no global transaction, so the accepts really contend for
| the invitation's row. The test deletes the application it created (its members go with
| it) and its call, which would otherwise stay open in every later test's catalogue; the
| people stay, as the append-only audit log refers to them.
*/
async function deleteCreatedRows(applicationId: number, callId: number) {
  await db.from('applications').where('id', applicationId).delete()
  const call = await db.from('calls').where('id', callId).select('programme_id').firstOrFail()
  await db.from('form_versions').where('call_id', callId).delete()
  await db.from('calls').where('id', callId).delete()
  await db.from('programmes').where('id', call.programme_id).delete()
}

test.group('Co-applicants / two accepts of one invitation at once', (group) => {
  group.each.setup(async () => {
    await resetRedis()
    mail.fake()
    return () => mail.restore()
  })

  test('twenty simultaneous accepts of one link make exactly one member', async ({
    assert,
    cleanup,
  }) => {
    const call = await openCallOf()
    const owner = await userWithRoles('applicant')
    const invitee = await userWithRoles('applicant')
    const application = await draftOf(owner, call)
    cleanup(() => deleteCreatedRows(application.id, call.id))
    const fake = mail.fake()
    await new InviteApplicationMember().handle(
      application.id,
      { email: invitee.email, role: 'editor', canSubmit: true },
      owner,
      { id: owner.id }
    )
    const queued = fake.mails.queued().find((item) => item instanceof MemberInvitationMail)
    const token = (queued as MemberInvitationMail).path.split('/').pop()!

    const accept = new AcceptMemberInvitation()
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, () => accept.handle(token, invitee, { id: invitee.id }))
    )

    assert.lengthOf(
      outcomes.filter((outcome) => outcome.status === 'fulfilled'),
      1
    )
    const members = await ApplicationMember.query().where('applicationId', application.id)
    assert.lengthOf(members, 1)
    assert.equal(members[0].userId, invitee.id)
    const accepted = await db
      .from('audit_logs')
      .where({ action: 'application.member_accepted', subject_id: String(application.id) })
    assert.lengthOf(accepted, 1)
  }).timeout(60_000)

  test('the database refuses a second live membership of one person on one application', async ({
    assert,
    cleanup,
  }) => {
    const call = await openCallOf()
    const owner = await userWithRoles('applicant')
    const invitee = await userWithRoles('applicant')
    const application = await draftOf(owner, call)
    cleanup(() => deleteCreatedRows(application.id, call.id))
    const row = (email: string) => ({
      application_id: application.id,
      user_id: invitee.id,
      email,
      role: 'viewer',
      invited_by: owner.id,
      invited_at: new Date(),
      accepted_at: new Date(),
      updated_at: new Date(),
    })
    await db.table('application_members').insert(row('first@example.ma'))
    await assert.rejects(() => db.table('application_members').insert(row('second@example.ma')))
  })
})
