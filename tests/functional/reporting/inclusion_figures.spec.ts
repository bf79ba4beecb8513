import { test } from '@japa/runner'
import { UserFactory } from '#database/factories/user_factory'
import { openCallOf } from '#database/factories/programme_factory'
import { draftOf } from '#database/factories/application_factory'
import { isolateEachTest } from '#tests/helpers/http'

test.group('Inclusion figures: what applicants choose to tell', (group) => {
  isolateEachTest(group)

  test('gender and year of birth are optional on the profile, and can be cleared', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const page = await client.get('/profile').loginAs(user)
    assert.include(page.text(), 'Je préfère ne pas le dire')

    const save = (fields: Record<string, string>) =>
      client
        .put('/profile')
        .form({ fullName: user.fullName, preferredLocale: 'fr', ...fields })
        .header('Referer', '/profile')
        .loginAs(user)
        .withCsrfToken()
        .redirects(0)
    const saved = await save({ gender: 'female', birthYear: '1994' })
    saved.assertStatus(302)
    await user.refresh()
    assert.equal(user.gender, 'female')
    assert.equal(user.birthYear, 1994)

    // Not sent: kept. Sent empty ("prefer not to say"): forgotten.
    await save({})
    await user.refresh()
    assert.equal(user.gender, 'female')
    await save({ gender: '', birthYear: '' })
    await user.refresh()
    assert.isNull(user.gender)
    assert.isNull(user.birthYear)

    const refused = await save({ gender: 'other', birthYear: '1850' })
    refused.assertStatus(302)
    const problems = refused.flashMessages().inputErrorsBag as Record<string, string[]>
    assert.deepEqual(problems.gender, ['Choisissez une valeur proposée pour genre.'])
    assert.lengthOf(problems.birthYear, 1)
    await user.refresh()
    assert.isNull(user.gender, 'nothing is written when a field is refused')
    assert.isNull(user.birthYear)
  })

  test('submitting snapshots gender, year of birth and language on the application', async ({
    client,
    assert,
  }) => {
    const call = await openCallOf()
    const founder = await UserFactory.merge({
      gender: 'male',
      birthYear: 1988,
      preferredLocale: 'ar',
    }).create()
    const draft = await draftOf(founder, call, { project: { name: 'Argan AI' } })
    const response = await client
      .post(`/applications/${draft.id}/submission`)
      .accept('json')
      .json({})
      .loginAs(founder)
      .withCsrfToken()
    response.assertStatus(201)
    await draft.refresh()
    assert.equal(draft.applicantGender, 'male')
    assert.equal(draft.applicantBirthYear, 1988)
    assert.equal(draft.applicantLocale, 'ar')

    // A later change of profile does not rewrite what was submitted.
    founder.gender = null
    await founder.save()
    await draft.refresh()
    assert.equal(draft.applicantGender, 'male')
  })
})
