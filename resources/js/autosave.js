/*
 * Application forms, progressively enhanced (every form still works without this file):
 * - drafts save themselves: <form data-autosave data-autosave-saving="…"
 *   data-autosave-saved="… {time}" data-autosave-failed="…"> whose action is the save URL
 *   (with ?_method=PUT); the status shows in its [data-autosave-status] element;
 * - "Add another" / "Remove" for repeatable groups ([data-group]);
 * - a character counter under long answers (textarea[data-char-count]).
 */

const IDLE_MS = 2000
const ANNOUNCE_MS = 1200
// Browsers refuse keepalive requests over 64 KiB; bigger drafts go without it.
const KEEPALIVE_LIMIT = 60_000

/** The reader's conventions for numbers and times (Western digits in Moroccan Arabic). */
function intlTag() {
  const lang = document.documentElement.lang || 'fr'
  return lang === 'en' ? 'en-GB' : `${lang}-MA`
}

function formatNumber(value) {
  try {
    return new Intl.NumberFormat(intlTag()).format(value)
  } catch {
    return String(value)
  }
}

function formatTime(date) {
  try {
    return new Intl.DateTimeFormat(intlTag(), { hour: '2-digit', minute: '2-digit' }).format(date)
  } catch {
    return date.toTimeString().slice(0, 5)
  }
}

/* ---------------------------------------------------------------- Autosave */

/** The form's fields without its files (uploads go with the full submission). */
function draftOf(form) {
  const data = new FormData(form)
  for (const input of form.querySelectorAll('input[type="file"][name]')) data.delete(input.name)
  return data
}

/** A comparable picture of the draft, to skip saves that would change nothing. */
function snapshotOf(data) {
  const entries = []
  for (const [name, value] of data) if (typeof value === 'string') entries.push([name, value])
  return new URLSearchParams(entries).toString()
}

function statusElementOf(form) {
  let status = form.querySelector('[data-autosave-status]')
  if (!status) {
    status = document.createElement('p')
    status.className = 'autosave-status'
    status.setAttribute('data-autosave-status', '')
    status.setAttribute('role', 'status')
    status.setAttribute('aria-live', 'polite')
    form.append(status)
  }
  return status
}

function enableAutosave(form) {
  const status = statusElementOf(form)
  const texts = {
    saving: form.dataset.autosaveSaving ?? '',
    saved: form.dataset.autosaveSaved ?? '{time}',
    failed: form.dataset.autosaveFailed ?? '',
  }
  let lastSaved = snapshotOf(draftOf(form))
  let timer = null
  let inFlight = null
  let submitting = false

  const show = (text, failed = false) => {
    status.textContent = text
    status.classList.toggle('is-failed', failed)
  }

  async function save() {
    clearTimeout(timer)
    timer = null
    if (submitting) return
    // One save at a time; changes made meanwhile are saved right after.
    if (inFlight) {
      await inFlight
      return save()
    }
    const data = draftOf(form)
    const snapshot = snapshotOf(data)
    if (snapshot === lastSaved) return
    const csrf = form.querySelector('input[name="_csrf"]')?.value ?? ''
    show(texts.saving)
    inFlight = fetch(form.action, {
      method: 'POST',
      body: data,
      headers: { 'Accept': 'application/json', 'X-CSRF-TOKEN': csrf },
      credentials: 'same-origin',
      keepalive: snapshot.length < KEEPALIVE_LIMIT,
    })
      .then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`)
        lastSaved = snapshot
        show(texts.saved.replace('{time}', formatTime(new Date())))
      })
      .catch(() => show(texts.failed, true))
      .finally(() => {
        inFlight = null
      })
    return inFlight
  }

  const later = (event) => {
    if (event.target instanceof HTMLInputElement && event.target.type === 'file') return
    clearTimeout(timer)
    timer = setTimeout(save, IDLE_MS)
  }
  form.addEventListener('input', later)
  form.addEventListener('change', later)
  // Removing a group entry changes the draft without an input event.
  form.addEventListener('application-form:changed', later)
  form.addEventListener('submit', () => {
    submitting = true
    clearTimeout(timer)
  })

  // Leaving the page (tab hidden, closed, or sent to the background on a phone).
  const now = () => {
    if (timer || snapshotOf(draftOf(form)) !== lastSaved) save()
  }
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') now()
  })
  window.addEventListener('pagehide', now)
}

/* ------------------------------------------------------- Repeatable groups */

function rowsOf(group) {
  return [...group.querySelector('[data-group-rows]').children].filter((row) =>
    row.matches('[data-group-row]')
  )
}

/** Rewrites a row's names, ids and references from one index to another. */
function renumberRow(group, row, from, to) {
  const { groupName, groupPath, groupId, rowLabel } = group.dataset
  const swaps = [
    [`${groupName}[${from}]`, `${groupName}[${to}]`],
    [`files[${groupPath}.${from}.`, `files[${groupPath}.${to}.`],
    [`${groupId}-${from}-`, `${groupId}-${to}-`],
  ]
  for (const element of [row, ...row.querySelectorAll('*')]) {
    for (const attribute of [...element.attributes]) {
      if (attribute.name === 'value') continue
      let text = attribute.value
      for (const [before, after] of swaps) text = text.split(before).join(after)
      if (text !== attribute.value) element.setAttribute(attribute.name, text)
    }
  }
  const title = row.querySelector('[data-row-title]')
  if (title && rowLabel) title.textContent = rowLabel.replace('{number}', formatNumber(to + 1))
}

function refreshGroup(group) {
  const rows = rowsOf(group)
  const max = Number(group.dataset.maxItems) || Infinity
  const add = group.querySelector('[data-group-add]')
  if (add) add.hidden = rows.length >= max
  for (const remove of group.querySelectorAll('[data-group-remove]')) {
    remove.hidden = rows.length <= 1
  }
}

function addRow(group) {
  const template = group.querySelector('template[data-group-template]')
  const list = group.querySelector('[data-group-rows]')
  const index = rowsOf(group).length
  const holder = document.createElement('div')
  holder.innerHTML = template.innerHTML
    .split('__INDEX__')
    .join(String(index))
    .split('__NUMBER__')
    .join(formatNumber(index + 1))
  const row = holder.querySelector('[data-group-row]')
  list.append(row)
  refreshGroup(group)
  for (const textarea of row.querySelectorAll('textarea[data-char-count]')) updateCounter(textarea)
  row.querySelector('input:not([type="hidden"]), select, textarea')?.focus()
}

function removeRow(group, row) {
  const rows = rowsOf(group)
  const position = rows.indexOf(row)
  const next = rows[position + 1] ?? rows[position - 1]
  row.remove()
  rowsOf(group).forEach((remaining, index) => {
    if (index >= position) renumberRow(group, remaining, index + 1, index)
  })
  refreshGroup(group)
  ;(next?.querySelector('[data-row-title]') ?? group).setAttribute('tabindex', '-1')
  ;(next?.querySelector('[data-row-title]') ?? group).focus()
  group.closest('form')?.dispatchEvent(new Event('application-form:changed', { bubbles: true }))
}

/* ------------------------------------------------------- Character counters */

const announceTimers = new WeakMap()

function counterOf(textarea) {
  return textarea.closest('.field')?.querySelector(`[data-char-count-of="${textarea.id}"]`)
}

function updateCounter(textarea, announce = false) {
  const counter = counterOf(textarea)
  if (!counter) return
  const max = Number(textarea.dataset.charCount)
  const used = textarea.value.length
  const template =
    textarea.closest('[data-char-count-text]')?.dataset.charCountText ?? '{used} / {max}'
  const text = template.replace('{used}', formatNumber(used)).replace('{max}', formatNumber(max))
  counter.hidden = false
  counter.classList.toggle('is-over', used > max)
  counter.querySelector('[data-char-count-visible]').textContent = text
  if (announce) {
    // Said once the person pauses, not at every key.
    clearTimeout(announceTimers.get(textarea))
    announceTimers.set(
      textarea,
      setTimeout(() => {
        counter.querySelector('[data-char-count-announce]').textContent = text
      }, ANNOUNCE_MS)
    )
  }
}

/* ------------------------------------------------------------------- Wiring */

document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target : null
  const add = target?.closest('[data-group-add]')
  if (add) {
    addRow(add.closest('[data-group]'))
    return
  }
  const remove = target?.closest('[data-group-remove]')
  if (remove) removeRow(remove.closest('[data-group]'), remove.closest('[data-group-row]'))
})

document.addEventListener('input', (event) => {
  if (event.target instanceof HTMLTextAreaElement && event.target.dataset.charCount) {
    updateCounter(event.target, true)
  }
})

for (const form of document.querySelectorAll('form[data-autosave]')) enableAutosave(form)
for (const group of document.querySelectorAll('[data-group]')) refreshGroup(group)
for (const textarea of document.querySelectorAll('textarea[data-char-count]')) {
  updateCounter(textarea)
}

// After a refused submission, take the person straight to the list of problems.
document.querySelector('[data-error-summary]')?.focus()
