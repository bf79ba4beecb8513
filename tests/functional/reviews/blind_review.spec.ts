import { test } from '@japa/runner'
import drive from '@adonisjs/drive/services/main'
import { PDFDocument } from 'pdf-lib'
import ApplicationDocument from '#applications/models/application_document'
import { OrganizationFactory } from '#database/factories/organization_factory'
import { openCallOf } from '#database/factories/programme_factory'
import { userWithRoles } from '#database/factories/user_factory'
import {
  assignedReview,
  rubricOf,
  scoresOf,
  submittedReview,
} from '#database/factories/scoring_factory'
import { isolateEachTest } from '#tests/helpers/http'
import { STAFF_FORM, submittedTo } from '#tests/functional/applications/staff_fixtures'
import { tokenOf } from '#tests/functional/reviews/scoring_fixtures'
import type { FormDefinition } from '#programmes/forms/form_definition'

/** Everything that would tell a reviewer who applies. */
const IDENTITY = {
  fullName: 'Yasmine Berrada-Qadiri',
  email: 'yasmine.berrada@zellige-robotics.ma',
  organization: 'Zellige Robotics SARL',
  title: 'Zellige Robotics',
  rcNumber: 'RC-CASA-778899',
  ice: '001234567000089',
  fileName: 'BP-Zellige-Yasmine-2026.pdf',
  employer: 'Office Chérifien des Phosphates',
}

/** The staff form with a profile: an identifying employer and free text that names it. */
const BLIND_FORM: FormDefinition = {
  sections: [
    ...STAFF_FORM.sections,
    {
      key: 'profile',
      title: { fr: 'Profil', en: 'Profile' },
      fields: [
        {
          key: 'employer',
          type: 'text',
          label: { fr: 'Employeur', en: 'Employer' },
          identifying: true,
        },
        { key: 'summary', type: 'long_text', label: { fr: 'Parcours', en: 'Background' } },
      ],
    },
  ],
}

async function blindApplication() {
  const call = await openCallOf('startup_offer', BLIND_FORM)
  call.blindReview = true
  await call.save()
  await rubricOf(call)
  const company = await OrganizationFactory.merge({
    name: IDENTITY.organization,
    rcNumber: IDENTITY.rcNumber,
    ice: IDENTITY.ice,
  }).create()
  const application = await submittedTo(call, {
    fullName: IDENTITY.fullName,
    email: IDENTITY.email,
    title: IDENTITY.title,
    organizationId: company.id,
    answers: {
      project: { name: IDENTITY.title, sector: 'agritech', markets: ['ma'], deck: 0 },
      team: { size: 3, founders: [{ name: IDENTITY.fullName }, { name: 'Karim Alaoui' }] },
      profile: {
        employer: IDENTITY.employer,
        // The employer and the company, typed differently from the records.
        summary:
          "Dix ans d'ingénierie à l'OFFICE CHERIFIEN  des phosphates, puis zellige robotics sarl.",
      },
    },
  })
  // A PDF whose metadata names its author, as word processors write it.
  const pdf = await PDFDocument.create()
  pdf.addPage()
  pdf.setAuthor(IDENTITY.fullName)
  pdf.setTitle(`${IDENTITY.organization} business plan`)
  const bytes = await pdf.save()
  const storageKey = `applications/test/blind-${application.id}.pdf`
  await drive.use().put(storageKey, Buffer.from(bytes))
  const document = await ApplicationDocument.create({
    applicationId: application.id,
    fieldPath: 'project.deck',
    originalName: IDENTITY.fileName,
    mimeType: 'application/pdf',
    sizeBytes: bytes.length,
    sha256: 'd'.repeat(64),
    storageKey,
    uploadedBy: application.applicantId,
  })
  application.submittedAnswers = {
    ...application.submittedAnswers!,
    project: { ...application.submittedAnswers!.project, deck: document.id },
  }
  await application.save()
  return { call, application, document, company }
}

function assertNoIdentity(
  assert: { notInclude: (haystack: string, needle: string, message?: string) => void },
  where: string,
  text: string
) {
  const lower = text.toLowerCase()
  for (const [what, value] of Object.entries(IDENTITY)) {
    assert.notInclude(lower, value.toLowerCase(), `${where} leaks the ${what}`)
  }
  // Not even parts of them.
  for (const part of ['yasmine', 'berrada', 'zellige', 'karim alaoui', 'cherifien', 'chérifien']) {
    assert.notInclude(lower, part, `${where} leaks "${part}"`)
  }
}

test.group('Blind review: nothing tells a reviewer who applies', (group) => {
  isolateEachTest(group)

  test('no name, email, organization nor file name on any reviewer page, API or download', async ({
    client,
    assert,
  }) => {
    const { application, document } = await blindApplication()
    const reviewer = await userWithRoles('reviewer')
    const review = await assignedReview(application, reviewer)
    // Another reviewer's comment names the employer and the company: after this reviewer
    // submits, it is shown to them, scrubbed.
    await submittedReview(
      application,
      await userWithRoles('reviewer'),
      scoresOf(3, 4, `Solide, ancien de ${IDENTITY.employer} chez ${IDENTITY.organization}`)
    )
    const token = await tokenOf(reviewer)

    const reviewPage = await client.get(`/reviews/${review.id}`).loginAs(reviewer)
    reviewPage.assertStatus(200)
    // The review is usable: answers that do not identify are there, and the document.
    reviewPage.assertTextIncludes('Agritech')
    reviewPage.assertTextIncludes(`document-${document.id}.pdf`)
    reviewPage.assertTextIncludes('Dix ans d')
    assertNoIdentity(assert, 'the review page', reviewPage.text())

    const queue = await client.get('/reviews').loginAs(reviewer)
    if (queue.status() === 200) assertNoIdentity(assert, 'the queue', queue.text())
    const conflict = await client.get(`/reviews/${review.id}/conflicts/new`).loginAs(reviewer)
    conflict.assertStatus(200)
    assertNoIdentity(assert, 'the conflict declaration page', conflict.text())

    const list = await client.get('/api/v1/reviews').bearerToken(token)
    list.assertStatus(200)
    assertNoIdentity(assert, 'GET /api/v1/reviews', list.text())
    const shown = await client.get(`/api/v1/reviews/${review.id}`).bearerToken(token)
    shown.assertStatus(200)
    assert.equal(shown.body().data.application.documents[0].name, `document-${document.id}.pdf`)
    assertNoIdentity(assert, 'GET /api/v1/reviews/:id', shown.text())

    const download = await client
      .get(`/reviews/${review.id}/documents/${document.id}`)
      .loginAs(reviewer)
    download.assertStatus(200)
    assert.equal(
      download.header('content-disposition'),
      `attachment; filename="document-${document.id}.pdf"`
    )
    assertNoIdentity(assert, 'the download headers', JSON.stringify(download.headers()))
    const served = await PDFDocument.load(new Uint8Array(download.body() as Buffer), {
      updateMetadata: false,
    })
    assert.isUndefined(served.getAuthor() || undefined, 'the PDF author is removed')
    assert.isUndefined(served.getTitle() || undefined, 'the PDF title is removed')

    // After submitting, with the other reviews shown, still nothing.
    const submitted = await client
      .put(`/api/v1/reviews/${review.id}`)
      .json({ submit: true, scores: scoresOf(4, 4) })
      .bearerToken(token)
    submitted.assertStatus(200)
    assertNoIdentity(assert, 'PUT /api/v1/reviews/:id', submitted.text())
    const after = await client.get(`/reviews/${review.id}`).loginAs(reviewer)
    after.assertStatus(200)
    assertNoIdentity(assert, 'the review page after submission', after.text())
  })

  test('on a call that is not blind, the reviewer sees who applies and the file name', async ({
    client,
  }) => {
    const { call, application, document } = await blindApplication()
    call.blindReview = false
    await call.save()
    const reviewer = await userWithRoles('reviewer')
    const review = await assignedReview(application, reviewer)
    const page = await client.get(`/reviews/${review.id}`).loginAs(reviewer)
    page.assertTextIncludes(IDENTITY.organization)
    page.assertTextIncludes(IDENTITY.fileName)
    const download = await client
      .get(`/reviews/${review.id}/documents/${document.id}`)
      .loginAs(reviewer)
    download.assertStatus(200)
    download.assertHeader('content-disposition', `attachment; filename="${IDENTITY.fileName}"`)
  })
})
