import { test } from '@japa/runner'
import { isolateEachTest } from '#tests/helpers/http'
import { coordinatorOf } from '#tests/functional/training/institute_fixtures'

/** Each language named in the reader's language, option by option. */
const LANGUAGE_NAMES: Record<string, Record<string, string>> = {
  fr: { fr: 'Français', ar: 'Arabe', zgh: 'Amazighe', en: 'Anglais' },
  ar: { fr: 'الفرنسية', ar: 'العربية', zgh: 'الأمازيغية', en: 'الإنجليزية' },
  zgh: { fr: 'ⵜⴰⴼⵔⴰⵏⵙⵉⵙⵜ', ar: 'ⵜⴰⵄⵔⴰⴱⵜ', zgh: 'ⵜⴰⵎⴰⵣⵉⵖⵜ', en: 'ⵜⴰⵏⴳⵍⵉⵣⵜ' },
  en: { fr: 'French', ar: 'Arabic', zgh: 'Amazigh', en: 'English' },
}

function optionLabels(html: string, select: string) {
  const body = html.match(new RegExp(`<select[^>]*name="${select}"[^>]*>([\\s\\S]*?)</select>`))
  if (!body) throw new Error(`no select named ${select}`)
  return Object.fromEntries(
    [...body[1].matchAll(/<option value="([^"]*)"[^>]*>\s*([^<]*?)\s*<\/option>/g)]
      .filter(([, value]) => value !== '')
      .map(([, value, label]) => [value, label])
  )
}

test.group('Language dropdowns name each language', (group) => {
  isolateEachTest(group)

  for (const [locale, names] of Object.entries(LANGUAGE_NAMES)) {
    test(`the course editor's language options in ${locale}`, async ({ client, assert }) => {
      const { coordinator } = await coordinatorOf()
      coordinator.preferredLocale = locale
      await coordinator.save()
      const page = await client.get('/institute/courses/create').loginAs(coordinator)
      page.assertStatus(200)
      assert.deepEqual(optionLabels(page.text(), 'language'), names)
    })

    test(`the catalogue's language filter in ${locale}`, async ({ client, assert }) => {
      const page = await client.get('/training').header('Accept-Language', locale)
      page.assertStatus(200)
      assert.deepEqual(optionLabels(page.text(), 'language'), names)
    })
  }
})
