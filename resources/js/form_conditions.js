/*
 * Conditional questions and pages of application forms, progressively enhanced: without
 * this file every question shows (each conditional one says when it applies) and the form
 * is one long page; the server ignores the answers of questions that do not apply.
 * - [data-visible-when] (a section or a question): shown only while its condition holds,
 *   read from the answer it names ("section.field"), the same rule as visibility.ts;
 * - [data-form-page] sections: one page at a time, with Previous / Next, unless the page
 *   shows problems to fix (then everything stays in view).
 */

const TRUE = ['true', '1', 'on', 'yes']
const FALSE = ['false', '0', 'off', 'no']

function holds(when, value) {
  const blank =
    value === undefined ||
    value === null ||
    value === '' ||
    (Array.isArray(value) && value.length === 0)
  if ('notEmpty' in when) return !blank
  if ('in' in when)
    return (Array.isArray(value) ? value : [value]).some((item) => when.in.includes(item))
  if (typeof when.equals === 'boolean') return (when.equals ? TRUE : FALSE).includes(String(value))
  return value === when.equals
}

/** The current answer of `section.field`, as the server would read it. */
function answerOf(form, path) {
  const [section, field] = path.split('.')
  const name = `answers[${section}][${field}]`
  const data = new FormData(form)
  const multiple = data.getAll(`${name}[]`).filter((item) => item !== '')
  if (multiple.length > 0) return multiple
  const file = data.getAll(`files[${path}]`).find((item) => item instanceof File && item.size > 0)
  if (file) return file.name
  const values = data.getAll(name)
  // A checkbox after its hidden "false" posts both: the last one is the answer.
  return values.length > 0 ? values[values.length - 1] : undefined
}

function setHidden(element, reason, hidden) {
  element.dataset[reason] = hidden ? 'true' : ''
  element.hidden =
    element.dataset.conditionHidden === 'true' || element.dataset.pageHidden === 'true'
}

function applyConditions(form) {
  const hiddenPaths = new Set()
  const hiddenSections = new Set()
  const isHidden = (path) => hiddenPaths.has(path) || hiddenSections.has(path.split('.')[0])
  // In document order: a condition only reads answers asked before it.
  for (const element of form.querySelectorAll('[data-visible-when]')) {
    let when
    try {
      when = JSON.parse(element.dataset.visibleWhen)
    } catch {
      continue
    }
    const shown = !isHidden(when.field) && holds(when, answerOf(form, when.field))
    setHidden(element, 'conditionHidden', !shown)
    if (shown) continue
    if (element.dataset.fieldPath) hiddenPaths.add(element.dataset.fieldPath)
    else if (element.id.startsWith('section-'))
      hiddenSections.add(element.id.slice('section-'.length))
  }
}

function paginate(form, container) {
  const sections = [...form.querySelectorAll('[data-form-page]')]
  const total = Math.max(0, ...sections.map((section) => Number(section.dataset.formPage))) + 1
  if (total < 2 || form.querySelector('[data-error-summary]')) return
  let current = 0

  const nav = document.createElement('nav')
  nav.className = 'form-pages'
  nav.setAttribute('aria-label', container.dataset.pagesLabel)
  const previous = Object.assign(document.createElement('button'), {
    type: 'button',
    className: 'button secondary',
    textContent: container.dataset.pagePrevious,
  })
  const next = Object.assign(document.createElement('button'), {
    type: 'button',
    className: 'button secondary',
    textContent: container.dataset.pageNext,
  })
  const status = Object.assign(document.createElement('p'), { className: 'form-pages-status' })
  status.setAttribute('aria-live', 'polite')
  nav.append(previous, status, next)
  container.append(nav)

  const show = (page, focus) => {
    current = page
    for (const section of sections)
      setHidden(section, 'pageHidden', Number(section.dataset.formPage) !== page)
    previous.hidden = page === 0
    next.hidden = page === total - 1
    status.textContent = container.dataset.pageStatus
      .replace('{page}', String(page + 1))
      .replace('{total}', String(total))
    if (focus) {
      const first = sections.find(
        (section) => Number(section.dataset.formPage) === page && !section.hidden
      )
      if (first) {
        first.setAttribute('tabindex', '-1')
        first.focus()
      }
    }
  }
  previous.addEventListener('click', () => show(Math.max(0, current - 1), true))
  next.addEventListener('click', () => show(Math.min(total - 1, current + 1), true))
  show(0, false)
}

// The questions' container (inside the page's own form) carries the pages' labels.
for (const container of document.querySelectorAll('.application-form[data-pages-label]')) {
  const form = container.closest('form')
  if (!form) continue
  if (container.querySelector('[data-visible-when]')) {
    applyConditions(form)
    form.addEventListener('input', () => applyConditions(form))
    form.addEventListener('change', () => applyConditions(form))
  }
  paginate(form, container)
}
