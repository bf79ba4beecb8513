import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import Application from '#applications/models/application'
import User from '#identity/models/user'
import { openCallOf } from '#database/factories/programme_factory'
import { userWithRoles } from '#database/factories/user_factory'
import { OrganizationFactory } from '#database/factories/organization_factory'
import { committeeFor, eligibleApplicationsOf } from '#database/factories/review_factory'
import { captureMail, isolateEachTest } from '#tests/helpers/http'
import { pairsOf, reviewMails, rubricWith } from '#tests/functional/reviews/committee_fixtures'

test.group('Committee / assigning reviewers to a call', (group) => {
  isolateEachTest(group)

  test('every eligible application gets 3 reviewers, moves to review, and reviewers are mailed', async ({
    client,
    assert,
  }) => {
    const call = await openCallOf()
    const officer = await userWithRoles('programme_officer')
    const members = await committeeFor(call, 4)
    const english = members[0].user
    english.preferredLocale = 'en'
    await english.save()
    const applications = await eligibleApplicationsOf(call, 6)
    const mails = captureMail()

    const response = await client
      .post(`/staff/calls/${call.id}/assignments`)
      .loginAs(officer)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', `/staff/calls/${call.id}/assignments`)

    const pairs = await pairsOf(call.id)
    assert.lengthOf(pairs, 18)
    for (const application of applications) {
      assert.lengthOf(
        pairs.filter(([applicationId]) => applicationId === application.id),
        3
      )
      await application.refresh()
      assert.equal(application.state, 'in_review')
    }
    const loads = members.map(({ user }) => pairs.filter(([, r]) => r === user.id).length)
    assert.isAtMost(Math.max(...loads) - Math.min(...loads), 1)

    const review = await db.from('reviews').where('call_id', call.id).first()
    assert.equal(review.state, 'assigned')
    assert.isNull(review.assigned_by)
    const dueInDays = DateTime.fromJSDate(review.due_at).diffNow('days').days
    assert.closeTo(dueInDays, 14, 0.01)

    const transitions = await db
      .from('audit_logs')
      .where({ action: 'application.transition', to_state: 'in_review', actor_id: officer.id })
      .count('* as count')
      .first()
    assert.equal(Number(transitions!.count), 6)

    const sent = await reviewMails(mails)
    assert.sameMembers(
      sent.map((mail) => mail.user.id),
      members.map(({ user }) => user.id)
    )
    const inEnglish = sent.find((mail) => mail.user.id === english.id)!
    assert.equal(inEnglish.message.toJSON().message.subject, 'New reviews to write')
    const inFrench = sent.find((mail) => mail.user.id !== english.id)!
    assert.equal(inFrench.message.toJSON().message.subject, 'Nouvelles évaluations à réaliser')
  })

  test('running it again keeps every assignment and only fills the gaps', async ({
    client,
    assert,
  }) => {
    const call = await openCallOf()
    const officer = await userWithRoles('programme_officer')
    await committeeFor(call, 3)
    await eligibleApplicationsOf(call, 4)
    const run = () =>
      client
        .post(`/staff/calls/${call.id}/assignments`)
        .loginAs(officer)
        .withCsrfToken()
        .accept('json')

    const first = await run()
    first.assertStatus(200)
    first.assertBodyContains({ assigned: 12, moved: 4 })
    const before = await pairsOf(call.id)

    const again = await run()
    again.assertBodyContains({ assigned: 0, moved: 0 })
    assert.deepEqual(await pairsOf(call.id), before)

    // A new eligible application and a new member: only the newcomer is filled.
    const [late] = await eligibleApplicationsOf(call, 1)
    await committeeFor(call, 1)
    const third = await run()
    third.assertBodyContains({ assigned: 3, moved: 1 })
    const after = await pairsOf(call.id)
    assert.deepEqual(
      after.filter(([applicationId]) => applicationId !== late.id),
      before
    )
  })

  test('the rubric sets how many reviewers and how long they have', async ({ client, assert }) => {
    const call = await openCallOf()
    await rubricWith(call.id, { reviewsPerApplication: 2, reviewDays: 5 })
    const officer = await userWithRoles('programme_officer')
    await committeeFor(call, 4)
    await eligibleApplicationsOf(call, 3)

    await client
      .post(`/staff/calls/${call.id}/assignments`)
      .loginAs(officer)
      .withCsrfToken()
      .accept('json')

    const reviews = await db.from('reviews').where('call_id', call.id)
    assert.lengthOf(reviews, 6)
    assert.closeTo(DateTime.fromJSDate(reviews[0].due_at).diffNow('days').days, 5, 0.01)
  })

  test('members of the applying organization and colleagues by email domain are never assigned, and their conflicts are stored', async ({
    client,
    assert,
  }) => {
    const call = await openCallOf()
    const officer = await userWithRoles('programme_officer')
    const organization = await OrganizationFactory.create()
    const committee = await committeeFor(call, 4)
    const [insider, colleague, gmail, outsider] = committee.map((m) => m.user)
    await db.table('organization_members').insert({
      organization_id: organization.id,
      user_id: insider.id,
      role: 'member',
      created_at: new Date(),
    })
    colleague.email = 'prof.alaoui@um5.ac.ma'
    gmail.email = 'reviewer.r1.test@gmail.com'
    await colleague.save()
    await gmail.save()
    const [filed, fromUniversity, fromGmail] = await eligibleApplicationsOf(call, 3, {
      organizationId: (i) => (i === 0 ? organization.id : null),
      applicantEmail: (i) =>
        i === 1 ? 'founder.r1@UM5.ac.ma' : i === 2 ? 'founder.r1.test@gmail.com' : undefined,
    })

    const response = await client
      .post(`/staff/calls/${call.id}/assignments`)
      .loginAs(officer)
      .withCsrfToken()
      .accept('json')
    response.assertBodyContains({ conflictsDetected: 2, shortfalls: 0, assigned: 9 })

    const conflicts = await db
      .from('review_conflicts')
      .where('call_id', call.id)
      .orderBy('id')
      .select('reviewer_id', 'application_id', 'organization_id', 'source')
    assert.deepEqual(conflicts, [
      {
        reviewer_id: insider.id,
        application_id: null,
        organization_id: organization.id,
        source: 'organization',
      },
      {
        reviewer_id: colleague.id,
        application_id: fromUniversity.id,
        organization_id: null,
        source: 'email_domain',
      },
    ])
    const pairs = await pairsOf(call.id)
    assert.notDeepInclude(pairs, [filed.id, insider.id])
    assert.notDeepInclude(pairs, [fromUniversity.id, colleague.id])
    assert.deepInclude(pairs, [fromGmail.id, gmail.id])
    assert.deepInclude(pairs, [filed.id, outsider.id])
  })

  test('without committee members, nothing is assigned and the officer is told why', async ({
    client,
    assert,
  }) => {
    const call = await openCallOf()
    const officer = await userWithRoles('programme_officer')
    const [application] = await eligibleApplicationsOf(call, 1)
    const response = await client
      .post(`/staff/calls/${call.id}/assignments`)
      .loginAs(officer)
      .withCsrfToken()
      .accept('json')
    response.assertStatus(409)
    response.assertBodyContains({
      errors: [
        { message: "Le comité n'a aucun membre : ajoutez des évaluateurs avant l'affectation." },
      ],
    })
    await application.refresh()
    assert.equal(application.state, 'eligible')
  })

  test('the assignments page lists each application with its reviewers', async ({ client }) => {
    const call = await openCallOf()
    const officer = await userWithRoles('programme_officer')
    const [{ user }] = await committeeFor(call, 1)
    user.fullName = 'Rachida Bennis'
    await user.save()
    const [application] = await eligibleApplicationsOf(call, 1)
    await client.post(`/staff/calls/${call.id}/assignments`).loginAs(officer).withCsrfToken()
    const page = await client.get(`/staff/calls/${call.id}/assignments`).loginAs(officer)
    page.assertStatus(200)
    page.assertTextIncludes(application.reference!)
    page.assertTextIncludes(user.fullName)
  })
})

test.group('Committee / replacing a reviewer by hand', (group) => {
  isolateEachTest(group)

  async function assignedCall() {
    const call = await openCallOf()
    const officer = await userWithRoles('programme_officer')
    const committee = await committeeFor(call, 3)
    const members = committee.map((m) => m.user)
    const [application] = await eligibleApplicationsOf(call, 1)
    await rubricWith(call.id, { reviewsPerApplication: 2 })
    const { AssignReviewers } = await import('#reviews/actions/assign_reviewers')
    await new AssignReviewers().handle(call.id, { id: officer.id })
    const reviews = await db.from('reviews').where('application_id', application.id).orderBy('id')
    const spare = members.find((m) => !reviews.some((r) => r.reviewer_id === m.id))!
    return { call, officer, members, application, reviews, spare }
  }

  test('the replacement list offers only members not already on the application, none preselected', async ({
    client,
    assert,
  }) => {
    const { call, officer, members, reviews, spare } = await assignedCall()
    const page = await client.get(`/staff/calls/${call.id}/assignments`).loginAs(officer)
    page.assertStatus(200)
    const select = new RegExp(
      `<select[^>]*id="reviewer-${reviews[0].id}"[^>]*>([\\s\\S]*?)</select>`
    ).exec(page.text())
    assert.isNotNull(select)
    const values = [...select![1].matchAll(/<option value="([^"]*)"/g)].map((match) => match[1])
    assert.deepEqual(values, ['', String(spare.id)])
    // Only the prompt is selected: a submit without a choice is refused by the browser.
    assert.deepEqual(
      [...select![1].matchAll(/<option value="([^"]*)" selected/g)].map((match) => match[1]),
      ['']
    )
    const onApplication = members.filter((member) => member.id !== spare.id)
    assert.lengthOf(onApplication, 2)
  })

  test('an officer hands an unsubmitted review to another member, audited', async ({
    client,
    assert,
  }) => {
    const { officer, reviews, spare } = await assignedCall()
    const mails = captureMail()
    const response = await client
      .post(`/staff/reviews/${reviews[0].id}/reassignment`)
      .form({ reviewerId: spare.id })
      .loginAs(officer)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    const review = await db.from('reviews').where('id', reviews[0].id).first()
    assert.equal(review.reviewer_id, spare.id)
    assert.equal(review.assigned_by, officer.id)
    const audit = await db
      .from('audit_logs')
      .where({ action: 'review.reassigned', subject_id: String(review.id) })
      .first()
    assert.deepInclude(audit.metadata, { from: reviews[0].reviewer_id, to: spare.id })
    const sent = await reviewMails(mails)
    assert.deepEqual(
      sent.map((mail) => mail.user.id),
      [spare.id]
    )
  })

  test('a conflicted member or one already on the application is refused with a clear message', async ({
    client,
    assert,
  }) => {
    const { call, officer, reviews, spare, application } = await assignedCall()
    const reassign = (reviewerId: number) =>
      client
        .post(`/staff/reviews/${reviews[0].id}/reassignment`)
        .form({ reviewerId })
        .loginAs(officer)
        .withCsrfToken()
        .accept('json')

    const taken = await reassign(reviews[1].reviewer_id)
    taken.assertStatus(422)
    taken.assertBodyContains({ errors: [{ message: 'Ce membre évalue déjà cette candidature.' }] })

    await db.table('review_conflicts').insert({
      call_id: call.id,
      reviewer_id: spare.id,
      application_id: application.id,
      source: 'declared',
      reason: 'Ancien associé',
      created_at: new Date(),
    })
    const conflicted = await reassign(spare.id)
    conflicted.assertStatus(422)
    conflicted.assertBodyContains({
      errors: [{ message: "Ce membre est en conflit d'intérêts avec cette candidature." }],
    })

    const stranger = await userWithRoles('reviewer')
    const outsider = await reassign(stranger.id)
    outsider.assertStatus(422)
    const review = await db.from('reviews').where('id', reviews[0].id).first()
    assert.equal(review.reviewer_id, reviews[0].reviewer_id)
  })
})

test.group('Committee / members', (group) => {
  isolateEachTest(group)

  test('an officer adds a reviewer with expertise tags, and a new chair replaces the old one', async ({
    client,
    assert,
  }) => {
    const call = await openCallOf()
    const officer = await userWithRoles('programme_officer')
    const [chair] = await committeeFor(call, 1, { chair: true })
    const reviewer = await userWithRoles('reviewer')

    const response = await client
      .post(`/staff/calls/${call.id}/committee/members`)
      .form({ userId: reviewer.id, role: 'chair', expertise: ' Agritech, fintech ,, agritech ' })
      .loginAs(officer)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    const members = await db.from('committee_members').where('call_id', call.id).orderBy('id')
    assert.deepEqual(
      members.map((m) => [m.user_id, m.role, m.expertise]),
      [
        [chair.user.id, 'member', []],
        [reviewer.id, 'chair', ['agritech', 'fintech']],
      ]
    )

    const page = await client.get(`/staff/calls/${call.id}/committee`).loginAs(officer)
    page.assertStatus(200)
    page.assertTextIncludes(reviewer.fullName)
  })

  test('only reviewers can join, once', async ({ client }) => {
    const call = await openCallOf()
    const officer = await userWithRoles('programme_officer')
    const applicant = await userWithRoles('applicant')
    const [{ user: member }] = await committeeFor(call, 1)
    const add = (userId: number) =>
      client
        .post(`/staff/calls/${call.id}/committee/members`)
        .form({ userId, role: 'member' })
        .loginAs(officer)
        .withCsrfToken()
        .accept('json')
    const notReviewer = await add(applicant.id)
    notReviewer.assertStatus(422)
    notReviewer.assertBodyContains({
      errors: [
        { field: 'userId', message: "Choisissez un utilisateur ayant le rôle d'évaluateur." },
      ],
    })
    const twice = await add(member.id)
    twice.assertBodyContains({
      errors: [{ field: 'userId', message: 'Cette personne fait déjà partie du comité.' }],
    })
  })

  test('a member is removed with their unsubmitted reviews, but not once they submitted one', async ({
    client,
    assert,
  }) => {
    const call = await openCallOf()
    const officer = await userWithRoles('programme_officer')
    const [a, b] = await committeeFor(call, 2)
    const [first, second] = await eligibleApplicationsOf(call, 2)
    const { reviewAssignment } = await import('#database/factories/review_factory')
    const { submittedReviewOf } = await import('#tests/functional/reviews/committee_fixtures')
    await reviewAssignment(first, a.user)
    await submittedReviewOf(second, b.user)
    const remove = (memberId: number) =>
      client
        .delete(`/staff/calls/${call.id}/committee/members/${memberId}`)
        .loginAs(officer)
        .withCsrfToken()
        .accept('json')

    const refused = await remove(b.member.id)
    refused.assertStatus(409)
    refused.assertBodyContains({
      errors: [
        { message: 'Ce membre a déjà soumis des évaluations : il ne peut plus être retiré.' },
      ],
    })

    const removed = await remove(a.member.id)
    removed.assertStatus(204)
    assert.isNull(await db.from('committee_members').where('id', a.member.id).first())
    assert.isNull(await db.from('reviews').where('reviewer_id', a.user.id).first())
    const withdrawn = await db
      .from('audit_logs')
      .where({ action: 'review.withdrawn', reason: 'member_removed' })
    assert.lengthOf(withdrawn, 1)
    assert.isNotNull(await User.find(a.user.id))
    assert.isNotNull(await Application.find(first.id))
  })
})
