import { test } from '@japa/runner'
import { answerColumns, answerText } from '#applications/csv_export'
import { csvCell, csvLine, madDecimal } from '#core/csv'
import type { FormDefinition } from '#programmes/forms/form_definition'

test.group('CSV export / cells', () => {
  test('formula starters are prefixed with an apostrophe, whatever the type', ({ assert }) => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      assert.equal(csvCell(`${start}1+1`), `"'${start}1+1"`)
    }
    assert.equal(csvCell(-5), `"'-5"`)
    assert.equal(csvCell('a=b'), '"a=b"')
  })

  test('quotes are doubled inside a quoted cell; empty values stay empty', ({ assert }) => {
    assert.equal(csvCell('say "hi", then go'), '"say ""hi"", then go"')
    assert.equal(csvCell(null), '')
    assert.equal(csvLine(['a', null, 3]), '"a",,"3"\r\n')
  })

  test('money is written as a MAD decimal from integer centimes', ({ assert }) => {
    assert.equal(madDecimal(25_000_050), '250000.50')
    assert.equal(madDecimal(5), '0.05')
    assert.equal(madDecimal(-1_999), '-19.99')
    assert.equal(answerText({ key: 'a', type: 'money', label: {} }, 100), '1.00')
  })
})

test.group('CSV export / columns', () => {
  test('one column per top-level answer across versions, newest label first', ({ assert }) => {
    const v2: FormDefinition = {
      sections: [
        {
          key: 's',
          title: {},
          fields: [
            { key: 'name', type: 'text', label: { fr: 'Nom (v2)' } },
            { key: 'cv', type: 'file', label: { fr: 'CV' } },
            { key: 'team', type: 'group', label: { fr: 'Équipe' }, fields: [] },
          ],
        },
      ],
    }
    const v1: FormDefinition = {
      sections: [
        {
          key: 's',
          title: {},
          fields: [
            { key: 'name', type: 'text', label: { fr: 'Nom (v1)' } },
            { key: 'old', type: 'number', label: { fr: 'Ancien champ' } },
          ],
        },
      ],
    }
    assert.deepEqual(answerColumns([v2, v1]), [
      { path: 's.name', label: 'Nom (v2)' },
      { path: 's.old', label: 'Ancien champ' },
    ])
  })
})
