import { test } from '@japa/runner'
import { openCallOf } from '#database/factories/programme_factory'
import { userWithRoles } from '#database/factories/user_factory'
import {
  committeeFor,
  eligibleApplicationsOf,
  reviewAssignment,
} from '#database/factories/review_factory'
import { isolateEachTest } from '#tests/helpers/http'
import type { Role } from '#identity/roles'

test.group('Committee / authorization from the outside', (group) => {
  isolateEachTest(group)

  async function fixture() {
    const call = await openCallOf()
    const [{ user: reviewer, member }] = await committeeFor(call, 1)
    const [application] = await eligibleApplicationsOf(call, 1)
    const review = await reviewAssignment(application, reviewer)
    return { call, reviewer, member, review }
  }

  function staffRoutes({ call, member, review }: Awaited<ReturnType<typeof fixture>>) {
    return [
      ['get', `/staff/calls/${call.id}/committee`],
      ['post', `/staff/calls/${call.id}/committee/members`],
      ['delete', `/staff/calls/${call.id}/committee/members/${member.id}`],
      ['get', `/staff/calls/${call.id}/assignments`],
      ['post', `/staff/calls/${call.id}/assignments`],
      ['post', `/staff/reviews/${review.id}/reassignment`],
    ] as const
  }

  test('officer-only routes refuse reviewers, applicants and finance officers (403)', async ({
    client,
  }) => {
    const data = await fixture()
    for (const role of ['reviewer', 'applicant', 'finance_officer'] as Role[]) {
      const user = role === 'reviewer' ? data.reviewer : await userWithRoles(role)
      for (const [method, url] of staffRoutes(data)) {
        const response = await client[method](url).loginAs(user).withCsrfToken().accept('json')
        response.assertStatus(403)
      }
    }
  })

  test('unauthenticated visitors are sent to the login page', async ({ client }) => {
    const data = await fixture()
    const routes = [
      ...staffRoutes(data),
      ['get', '/reviews'],
      ['get', `/reviews/${data.review.id}/conflicts/new`],
      ['post', `/reviews/${data.review.id}/conflicts`],
    ] as const
    for (const [method, url] of routes) {
      const response = await client[method](url).withCsrfToken().redirects(0)
      response.assertStatus(302)
      response.assertHeader('location', '/login')
    }
  })

  test('the queue and conflict declarations are for reviewers only', async ({ client }) => {
    const { review } = await fixture()
    const applicant = await userWithRoles('applicant')
    const officer = await userWithRoles('programme_officer')
    for (const user of [applicant, officer]) {
      const queue = await client.get('/reviews').loginAs(user)
      queue.assertStatus(403)
      const form = await client.get(`/reviews/${review.id}/conflicts/new`).loginAs(user)
      form.assertStatus(403)
      const declared = await client
        .post(`/reviews/${review.id}/conflicts`)
        .form({ scope: 'application', reason: 'Une raison valable' })
        .loginAs(user)
        .withCsrfToken()
        .accept('json')
      declared.assertStatus(403)
    }
  })
})
