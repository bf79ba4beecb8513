import { test } from '@japa/runner'
import { readdir, readFile } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import { LOCALES, DEFAULT_LOCALE } from '#core/i18n/locales'

/** Every message key of a lang file, dotted, with the names of its ICU placeholders. */
function flatten(value: unknown, prefix = '', into = new Map<string, string[]>()) {
  if (typeof value === 'string') {
    const placeholders = [...value.matchAll(/\{\s*([a-zA-Z_]\w*)\s*[,}]/g)].map((m) => m[1])
    into.set(prefix, [...new Set(placeholders)].sort())
  } else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      flatten(child, prefix ? `${prefix}.${key}` : key, into)
    }
  }
  return into
}

async function langFile(locale: string, file: string) {
  const text = await readFile(app.languageFilesPath(locale, file), 'utf8')
  return flatten(JSON.parse(text))
}

test.group('Translations', () => {
  test('every language has every French file, key and placeholder', async ({ assert }) => {
    const entries = await readdir(app.languageFilesPath(DEFAULT_LOCALE))
    const files = entries.filter((name) => name.endsWith('.json'))
    assert.isAbove(files.length, 10)
    const problems: string[] = []
    for (const file of files) {
      const reference = await langFile(DEFAULT_LOCALE, file)
      for (const locale of LOCALES.filter((candidate) => candidate !== DEFAULT_LOCALE)) {
        let translated: Map<string, string[]>
        try {
          translated = await langFile(locale, file)
        } catch {
          problems.push(`${locale}/${file} is missing or not JSON`)
          continue
        }
        for (const [key, placeholders] of reference) {
          if (!translated.has(key)) problems.push(`${locale}/${file}: ${key} is missing`)
          else if (translated.get(key)!.join() !== placeholders.join()) {
            problems.push(`${locale}/${file}: ${key} has placeholders ${translated.get(key)}`)
          }
        }
        for (const key of translated.keys()) {
          if (!reference.has(key)) problems.push(`${locale}/${file}: ${key} is not in French`)
        }
      }
    }
    assert.deepEqual(problems, [])
  })
})
