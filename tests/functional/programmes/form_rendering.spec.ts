import { test } from '@japa/runner'
import edge from 'edge.js'
import i18nManager from '@adonisjs/i18n/services/main'
import { directionOf } from '#core/i18n/locales'
import { Money } from '#core/money'
import type { FormAnswers, FormDefinition } from '#programmes/forms/form_definition'

/**
 * One definition renders both the editable form and the read-only answers
 * (components/application_form_fields and components/application_answers).
 */
const definition: FormDefinition = {
  sections: [
    {
      key: 'profile',
      title: { fr: 'Profil de la startup', ar: 'ملف المقاولة الناشئة' },
      fields: [
        {
          key: 'name',
          type: 'text',
          label: { fr: 'Nom de la startup', ar: 'اسم المقاولة الناشئة' },
          required: true,
          maxLength: 120,
        },
        {
          key: 'summary',
          type: 'long_text',
          label: { fr: 'Résumé du projet', ar: 'ملخص المشروع' },
          hint: { fr: 'Le problème, la solution, les clients visés.' },
          required: true,
          minLength: 20,
          maxLength: 2000,
        },
        {
          key: 'employees',
          type: 'number',
          label: { fr: 'Nombre de salariés', ar: 'عدد الأجراء' },
          min: 0,
          max: 500,
        },
        {
          key: 'amount',
          type: 'money',
          label: { fr: 'Montant demandé', ar: 'المبلغ المطلوب' },
          required: true,
          min: 0,
          max: 500_000,
        },
        { key: 'founded_on', type: 'date', label: { fr: 'Date de création' } },
        {
          key: 'stage',
          type: 'select',
          label: { fr: 'Stade', ar: 'المرحلة' },
          required: true,
          options: [
            { value: 'idea', label: { fr: 'Idée', ar: 'فكرة' } },
            { value: 'mvp', label: { fr: 'Produit minimum viable', ar: 'منتج أولي' } },
          ],
        },
        {
          key: 'region',
          type: 'select',
          label: { fr: 'Région' },
          options: [
            { value: 'casablanca_settat', label: { fr: 'Casablanca-Settat' } },
            { value: 'souss_massa', label: { fr: 'Souss-Massa' } },
          ],
        },
        {
          key: 'sectors',
          type: 'multi_select',
          label: { fr: 'Secteurs', ar: 'القطاعات' },
          required: true,
          options: [
            { value: 'fintech', label: { fr: 'Fintech', ar: 'التكنولوجيا المالية' } },
            { value: 'agritech', label: { fr: 'Agritech', ar: 'التكنولوجيا الفلاحية' } },
            { value: 'edtech', label: { fr: 'Edtech' } },
          ],
        },
        {
          key: 'women_led',
          type: 'boolean',
          label: { fr: 'Startup dirigée par une femme', ar: 'مقاولة ناشئة تديرها امرأة' },
        },
        {
          key: 'pitch_deck',
          type: 'file',
          label: { fr: 'Présentation', ar: 'العرض التقديمي' },
          required: true,
          accept: ['application/pdf', 'image/png'],
          maxSizeMb: 10,
        },
      ],
    },
    {
      key: 'team',
      title: { fr: 'Équipe', ar: 'الفريق' },
      fields: [
        {
          key: 'founders',
          type: 'group',
          label: { fr: 'Fondateurs', ar: 'المؤسسون' },
          required: true,
          minItems: 1,
          maxItems: 3,
          fields: [
            { key: 'name', type: 'text', label: { fr: 'Nom complet' }, required: true },
            {
              key: 'role',
              type: 'select',
              label: { fr: 'Fonction' },
              options: [
                { value: 'ceo', label: { fr: 'Directeur général', ar: 'المدير العام' } },
                { value: 'cto', label: { fr: 'Directeur technique' } },
              ],
            },
            { key: 'equity', type: 'number', label: { fr: 'Part du capital (%)' } },
          ],
        },
        { key: 'experience', type: 'long_text', label: { fr: "Expérience de l'équipe" } },
      ],
    },
  ],
}

const pitchDeck = {
  id: 7,
  originalName: 'pitch-atlas-agri.pdf',
  sizeBytes: 2_400_000,
  url: '/applications/1/documents/7',
}

/** A draft as the applicant left it: text as typed, money kept in centimes by the validator. */
const draft: FormAnswers = {
  profile: {
    name: 'Atlas Agri',
    summary: 'Capteurs pour irrigation.',
    employees: '12',
    amount: 25_000_050,
    stage: 'mvp',
    sectors: ['agritech', 'fintech'],
    women_led: true,
    pitch_deck: 7,
  },
  team: {
    founders: [
      { name: 'Salma Idrissi', role: 'ceo', equity: '60' },
      { name: '', role: 'cto', equity: 'abc' },
    ],
  },
}

/** The same application once submitted: typed values, money in centimes. */
const submitted: FormAnswers = {
  profile: {
    name: 'Atlas Agri',
    summary: 'Capteurs connectés pour\nl’irrigation goutte-à-goutte.',
    employees: 12,
    amount: 25_000_050,
    founded_on: '2024-05-02',
    stage: 'mvp',
    sectors: ['agritech', 'fintech'],
    women_led: false,
    pitch_deck: 7,
  },
  team: {
    founders: [
      { name: 'Salma Idrissi', role: 'ceo', equity: 60 },
      { name: '', role: null, equity: null },
      { name: 'Youssef Amrani', role: 'cto', equity: 40 },
    ],
  },
}

/** Renders an Edge snippet the way a page does: i18n, locale and dir shared by DetectLocale. */
function render(template: string, data: Record<string, unknown>, locale = 'fr') {
  return edge
    .createRenderer()
    .share({ i18n: i18nManager.locale(locale), locale, dir: directionOf(locale) })
    .renderRaw(template, data)
}

function renderForm(props: Record<string, unknown>, locale = 'fr') {
  return render(
    '@!applicationFormFields({ definition, answers, errors, documents, locale })',
    { definition, answers: {}, errors: {}, documents: {}, ...props },
    locale
  )
}

function renderAnswers(props: Record<string, unknown>, locale = 'fr') {
  return render(
    '@!applicationAnswers({ definition, answers, documents, locale })',
    { definition, answers: {}, documents: {}, ...props },
    locale
  )
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The opening tag of the element whose attribute `name` is exactly `value`. */
function tagWith(html: string, name: string, value: string) {
  const match = new RegExp(`<[a-z]+\\b[^>]*\\s${name}="${escape(value)}"[^>]*>`).exec(html)
  if (!match) throw new Error(`No element with ${name}="${value}"`)
  return match[0]
}

/** The value of an attribute in an opening tag. */
function attribute(tag: string, name: string) {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1]
}

/** Tags removed, entities read, spaces (the no-break ones of number formats too) collapsed. */
const plain = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()

/** The text of the element with this id. */
function textOf(html: string, id: string) {
  const start = html.indexOf(tagWith(html, 'id', id))
  const tagName = /^<([a-z0-9]+)/.exec(html.slice(start))![1]
  const tags = new RegExp(`<(/?)${tagName}\\b[^>]*>`, 'g')
  tags.lastIndex = start
  let depth = 0
  for (let match = tags.exec(html); match; match = tags.exec(html)) {
    depth += match[1] ? -1 : 1
    if (depth === 0) return plain(html.slice(start, match.index))
  }
  throw new Error(`Element ${id} is not closed`)
}

/** The read-only answer (the <dd>) next to a label. */
function answerTo(html: string, label: string) {
  const match = new RegExp(`<dt>${escape(label)}</dt>\\s*<dd>([\\s\\S]*?)</dd>`).exec(html)
  if (!match) throw new Error(`No answer labelled ${label}`)
  return plain(match[1])
}

test.group('Application form fields', () => {
  test('every question is named after its section and key, with a label for its control', async ({
    assert,
  }) => {
    const html = await renderForm({})
    const expected: [string, string][] = [
      ['f-profile-name', 'answers[profile][name]'],
      ['f-profile-summary', 'answers[profile][summary]'],
      ['f-profile-employees', 'answers[profile][employees]'],
      ['f-profile-amount', 'answers[profile][amount]'],
      ['f-profile-founded_on', 'answers[profile][founded_on]'],
      ['f-profile-stage', 'answers[profile][stage]'],
      ['f-profile-women_led', 'answers[profile][women_led]'],
      ['f-profile-pitch_deck', 'files[profile.pitch_deck]'],
      ['f-team-founders-0-name', 'answers[team][founders][0][name]'],
    ]
    for (const [id, name] of expected) {
      assert.equal(attribute(tagWith(html, 'id', id), 'name'), name, id)
      assert.include(html, `<label for="${id}">`, id)
    }
    assert.match(html, /<label for="f-profile-name">\s*Nom de la startup/)
    assert.equal(
      attribute(tagWith(html, 'id', 'f-profile-sectors-o1'), 'name'),
      'answers[profile][sectors][]'
    )
    assert.include(html, '<label for="f-profile-sectors-o1" class="choice">')
    // Sections and checkbox sets are fieldsets whose legend is the question.
    assert.match(
      html,
      /<fieldset class="form-section" id="section-profile"[^>]*>\s*<legend[^>]*>\s*<h2[^>]*>[\s\S]*Profil de la startup/
    )
    assert.match(
      html,
      /<fieldset class="field choice-field [^"]*" id="f-profile-sectors"[^>]*>\s*<legend>\s*Secteurs/
    )
  })

  test('required questions are marked, in words and for assistive technology', async ({
    assert,
  }) => {
    const html = await renderForm({})
    assert.equal(attribute(tagWith(html, 'id', 'f-profile-name'), 'aria-required'), 'true')
    assert.equal(attribute(tagWith(html, 'id', 'f-profile-amount'), 'aria-required'), 'true')
    assert.isUndefined(attribute(tagWith(html, 'id', 'f-profile-employees'), 'aria-required'))
    assert.include(html.slice(html.indexOf('<label for="f-profile-name">')), 'obligatoire')
    assert.notInclude(
      html.slice(
        html.indexOf('<label for="f-profile-employees">'),
        html.indexOf('id="f-profile-employees"')
      ),
      'obligatoire'
    )
    // Drafts save incomplete answers: no native `required` that would block saving.
    assert.notMatch(html, /\srequired[\s>]/)
  })

  test('hints and errors are tied to their control', async ({ assert }) => {
    const html = await renderForm({
      answers: draft,
      errors: {
        'profile.summary': ['Le résumé doit compter au moins 20 caractères'],
        'profile.sectors.0': ['Secteur inconnu'],
        'answers.profile.amount': ['Le montant est obligatoire'],
        'team.founders.1.name': ['Le nom est obligatoire'],
      },
    })
    const summary = tagWith(html, 'id', 'f-profile-summary')
    assert.equal(attribute(summary, 'aria-invalid'), 'true')
    assert.equal(
      attribute(summary, 'aria-describedby'),
      'f-profile-summary-hint f-profile-summary-error'
    )
    assert.include(
      textOf(html, 'f-profile-summary-hint'),
      'Le problème, la solution, les clients visés.'
    )
    assert.include(textOf(html, 'f-profile-summary-hint'), 'Entre 20 et 2.000 caractères')
    assert.include(
      textOf(html, 'f-profile-summary-error'),
      'Le résumé doit compter au moins 20 caractères'
    )

    // Keys prefixed with "answers." (a validator run on the whole body) are read too.
    const amount = tagWith(html, 'id', 'f-profile-amount')
    assert.include(attribute(amount, 'aria-describedby')!, 'f-profile-amount-error')
    assert.include(textOf(html, 'f-profile-amount-error'), 'Le montant est obligatoire')

    // An error on one choice of a checkbox set belongs to the set.
    assert.include(textOf(html, 'f-profile-sectors-error'), 'Secteur inconnu')
    assert.include(
      attribute(tagWith(html, 'id', 'f-profile-sectors'), 'aria-describedby')!,
      'f-profile-sectors-error'
    )

    const founder = tagWith(html, 'id', 'f-team-founders-1-name')
    assert.equal(attribute(founder, 'aria-invalid'), 'true')
    assert.equal(attribute(founder, 'aria-describedby'), 'f-team-founders-1-name-error')
    assert.isUndefined(attribute(tagWith(html, 'id', 'f-team-founders-0-name'), 'aria-invalid'))

    // The summary at the top links to each field.
    assert.include(
      html,
      '<a href="#f-profile-summary">Résumé du projet : Le résumé doit compter au moins 20 caractères</a>'
    )
    assert.include(
      html,
      '<a href="#f-team-founders-1-name">Fondateurs — Entrée 2 — Nom complet : Le nom est obligatoire</a>'
    )
    assert.include(html, 'href="#f-profile-sectors-o0"')
  })

  test('a form without errors has no error summary and no invalid field', async ({ assert }) => {
    const html = await renderForm({ answers: draft })
    assert.notInclude(html, 'data-error-summary')
    assert.notInclude(html, 'aria-invalid')
  })

  test('saved answers are filled back', async ({ assert }) => {
    const html = await renderForm({
      answers: draft,
      documents: { 'profile.pitch_deck': pitchDeck },
    })
    assert.equal(attribute(tagWith(html, 'id', 'f-profile-name'), 'value'), 'Atlas Agri')
    assert.match(html, /id="f-profile-summary"[^>]*>Capteurs pour irrigation\.<\/textarea>/)
    assert.equal(attribute(tagWith(html, 'id', 'f-profile-employees'), 'value'), '12')
    // Centimes back to the dirhams the person typed.
    assert.equal(attribute(tagWith(html, 'id', 'f-profile-amount'), 'value'), '250000.50')
    assert.include(html, '<option value="mvp" selected>Produit minimum viable</option>')
    assert.match(tagWith(html, 'id', 'f-profile-sectors-o0'), /\schecked/)
    assert.match(tagWith(html, 'id', 'f-profile-sectors-o1'), /\schecked/)
    assert.notMatch(tagWith(html, 'id', 'f-profile-sectors-o2'), /\schecked/)
    assert.match(tagWith(html, 'id', 'f-profile-women_led'), /\schecked/)
    assert.equal(attribute(tagWith(html, 'id', 'f-team-founders-0-name'), 'value'), 'Salma Idrissi')
    assert.equal(attribute(tagWith(html, 'id', 'f-team-founders-1-equity'), 'value'), 'abc')
    // The document already uploaded stays the answer.
    assert.include(
      html,
      '<input type="hidden" name="answers[profile][pitch_deck]" value="7" data-current-document />'
    )
  })

  test('answers are escaped, never read as HTML', async ({ assert }) => {
    const html = await renderForm({
      answers: { profile: { name: '"><script>alert(1)</script>', summary: '</textarea><b>x</b>' } },
    })
    assert.notInclude(html, '<script>alert(1)</script>')
    assert.notInclude(html, '</textarea><b>x</b>')
    assert.include(html, '&lt;script&gt;')
  })

  test('each type gets its control: money in MAD, bounded numbers, dates, counted long text', async ({
    assert,
  }) => {
    const html = await renderForm({})
    const amount = tagWith(html, 'id', 'f-profile-amount')
    assert.equal(attribute(amount, 'type'), 'text')
    assert.equal(attribute(amount, 'inputmode'), 'decimal')
    assert.include(attribute(amount, 'aria-describedby')!, 'f-profile-amount-unit')
    assert.equal(textOf(html, 'f-profile-amount-unit'), 'MAD')
    assert.include(textOf(html, 'f-profile-amount-hint'), 'entre 0 et 500.000 MAD')

    const employees = tagWith(html, 'id', 'f-profile-employees')
    assert.equal(attribute(employees, 'type'), 'number')
    assert.equal(attribute(employees, 'min'), '0')
    assert.equal(attribute(employees, 'max'), '500')

    assert.equal(attribute(tagWith(html, 'id', 'f-profile-founded_on'), 'type'), 'date')

    const summary = tagWith(html, 'id', 'f-profile-summary')
    assert.match(summary, /^<textarea/)
    assert.equal(attribute(summary, 'maxlength'), '2000')
    assert.equal(attribute(summary, 'data-char-count'), '2000')
    assert.include(html, 'data-char-count-of="f-profile-summary" hidden')
    assert.include(html, 'data-char-count-text="{used} / {max} caractères"')

    // A question is never pre-answered: an empty choice comes first.
    assert.match(html, /id="f-profile-region"[^>]*>\s*(<!--.*-->)?\s*<option value="">—<\/option>/)
    assert.match(html, /id="f-profile-stage"[^>]*>[\s\S]*?<option value="">Choisir…<\/option>/)

    // An unticked box still says "false".
    assert.match(
      html,
      /<input type="hidden" name="answers\[profile\]\[women_led\]" value="false" \/>\s*<label for="f-profile-women_led">\s*<input type="checkbox" name="answers\[profile\]\[women_led\]" value="true"/
    )
  })

  test('a file question says what it accepts and shows the document already sent', async ({
    assert,
  }) => {
    const empty = await renderForm({})
    const input = tagWith(empty, 'id', 'f-profile-pitch_deck')
    assert.equal(attribute(input, 'type'), 'file')
    assert.equal(attribute(input, 'accept'), 'application/pdf,image/png')
    assert.equal(
      textOf(empty, 'f-profile-pitch_deck-hint'),
      'Formats acceptés : PDF, PNG · 10 Mo au maximum'
    )
    assert.notInclude(empty, 'data-current-document')

    const html = await renderForm({ documents: { 'profile.pitch_deck': pitchDeck } })
    assert.include(
      textOf(html, 'f-profile-pitch_deck-current'),
      'Document actuel : pitch-atlas-agri.pdf (2,3 Mo)'
    )
    assert.include(html, '<a href="/applications/1/documents/7">pitch-atlas-agri.pdf</a>')
    assert.include(
      attribute(tagWith(html, 'id', 'f-profile-pitch_deck'), 'aria-describedby')!,
      'f-profile-pitch_deck-current'
    )
  })

  test('a group shows every saved entry plus a blank one, and a template to add more', async ({
    assert,
  }) => {
    const html = await renderForm({ answers: draft })
    const rows = [...html.matchAll(/<li class="group-row" id="(f-team-founders-\d+-row)"/g)].map(
      (m) => m[1]
    )
    assert.deepEqual(rows, [
      'f-team-founders-0-row',
      'f-team-founders-1-row',
      'f-team-founders-2-row',
    ])
    assert.equal(attribute(tagWith(html, 'id', 'f-team-founders-2-name'), 'value'), '')
    assert.equal(textOf(html, 'f-team-founders-2-title'), 'Entrée 3')
    assert.include(html, 'name="answers[team][founders][__INDEX__][name]"')
    assert.match(
      html,
      /<button type="button" class="button secondary small group-add" data-group-add hidden>/
    )
    const group = tagWith(html, 'id', 'f-team-founders')
    assert.equal(attribute(group, 'data-group-name'), 'answers[team][founders]')
    assert.equal(attribute(group, 'data-max-items'), '3')
    assert.include(textOf(html, 'f-team-founders-hint'), "Nombre d'entrées : de 1 à 3")

    // Full: no blank entry beyond the maximum.
    const full = await renderForm({
      answers: { team: { founders: [{ name: 'A' }, { name: 'B' }, { name: 'C' }] } },
    })
    assert.notInclude(full, 'id="f-team-founders-3-row"')
    assert.include(full, 'id="f-team-founders-2-row"')

    // Nothing saved yet: one blank entry.
    const fresh = await renderForm({})
    assert.include(fresh, 'id="f-team-founders-0-row"')
    assert.notInclude(fresh, 'id="f-team-founders-1-row"')
  })

  test('in Arabic the questions are in Arabic, French where a translation is missing', async ({
    assert,
  }) => {
    const html = await renderForm({ answers: draft }, 'ar')
    assert.include(html, 'ملف المقاولة الناشئة')
    assert.match(
      html,
      /<label for="f-profile-name">\s*اسم المقاولة الناشئة\s*<span class="required-mark">إلزامي<\/span>/
    )
    assert.include(html, 'التكنولوجيا المالية')
    assert.include(html, '<span>Edtech</span>')
    assert.include(textOf(html, 'f-team-founders-0-title'), 'العنصر 1')
    assert.notInclude(html, 'Nom de la startup')
  })
})

test.group('Application answers (read only)', () => {
  test('each answer is formatted for reading', async ({ assert }) => {
    const html = await renderAnswers({
      answers: submitted,
      documents: { 'profile.pitch_deck': pitchDeck },
    })
    assert.match(
      html,
      /<section class="answers-section" aria-labelledby="answers-profile">\s*<h2[^>]*id="answers-profile">Profil de la startup<\/h2>/
    )
    assert.equal(answerTo(html, 'Nom de la startup'), 'Atlas Agri')
    assert.equal(
      answerTo(html, 'Montant demandé'),
      plain(Money.ofCentimes(25_000_050).format('fr'))
    )
    assert.include(answerTo(html, 'Montant demandé'), 'MAD')
    assert.equal(answerTo(html, 'Nombre de salariés'), '12')
    assert.equal(answerTo(html, 'Date de création'), '2 mai 2024')
    assert.equal(answerTo(html, 'Stade'), 'Produit minimum viable')
    assert.equal(answerTo(html, 'Secteurs'), 'Agritech Fintech')
    assert.equal(answerTo(html, 'Startup dirigée par une femme'), 'Non')
    assert.equal(answerTo(html, 'Présentation'), 'pitch-atlas-agri.pdf (2,3 Mo)')
    assert.include(
      html,
      '<a href="/applications/1/documents/7" class="answer-document">pitch-atlas-agri.pdf</a>'
    )
    assert.equal(answerTo(html, 'Région'), 'Non renseigné')
    assert.equal(answerTo(html, 'Expérience de l&#x27;équipe'), 'Non renseigné')
    assert.include(
      html,
      '<span class="answer-long-text" dir="auto">Capteurs connectés pour\nl’irrigation goutte-à-goutte.</span>'
    )
  })

  test('free text answers take the direction of their own words (Arabic and French mixed)', async ({
    assert,
  }) => {
    const mixed = 'منصة رقمية pour les coopératives agricoles'
    const html = await renderAnswers({
      answers: { profile: { ...submitted.profile, name: 'أطلس Agri', summary: mixed } },
    })
    assert.include(html, `<span class="answer-long-text" dir="auto">${mixed}</span>`)
    assert.include(html, '<span dir="auto">أطلس Agri</span>')
    const form = await renderForm({ answers: { profile: { summary: mixed, name: 'أطلس Agri' } } })
    assert.equal(attribute(tagWith(form, 'id', 'f-profile-summary'), 'dir'), 'auto')
    assert.equal(attribute(tagWith(form, 'id', 'f-profile-name'), 'dir'), 'auto')
  })

  test('a group is a table of its entries, empty entries left out', async ({ assert }) => {
    const html = await renderAnswers({ answers: submitted })
    const table = answerTo(html, 'Fondateurs')
    assert.equal(
      table,
      'Fondateurs Entrée Nom complet Fonction Part du capital (%) 1 Salma Idrissi Directeur général 60 2 Youssef Amrani Directeur technique 40'
    )
    const empty = await renderAnswers({ answers: { team: { founders: [] } } })
    assert.equal(answerTo(empty, 'Fondateurs'), 'Non renseigné')
  })

  test('nothing answered reads "not answered" everywhere', async ({ assert }) => {
    const html = await renderAnswers({})
    const unanswered = html.match(/<span class="unanswered">Non renseigné<\/span>/g) ?? []
    // Every question of the definition, the group included.
    assert.lengthOf(unanswered, 12)
  })

  test('a file answer without its document is said to be unavailable', async ({ assert }) => {
    const html = await renderAnswers({ answers: { profile: { pitch_deck: 7 } } })
    assert.equal(answerTo(html, 'Présentation'), 'Document non disponible')
  })

  test('in Arabic the labels and formats are Arabic', async ({ assert }) => {
    const html = await renderAnswers({ answers: submitted }, 'ar')
    assert.equal(answerTo(html, 'اسم المقاولة الناشئة'), 'Atlas Agri')
    assert.equal(answerTo(html, 'المبلغ المطلوب'), plain(Money.ofCentimes(25_000_050).format('ar')))
    assert.equal(answerTo(html, 'المرحلة'), 'منتج أولي')
    assert.equal(answerTo(html, 'مقاولة ناشئة تديرها امرأة'), 'لا')
    assert.equal(answerTo(html, 'Région'), 'لم تتم الإجابة')
    assert.include(answerTo(html, 'المؤسسون'), 'المدير العام')
  })
})
