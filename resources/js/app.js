/*
 * Progressive enhancement only: every page works without this file.
 */
import './autosave.js'
import './form_conditions.js'
import './form_builder.js'
import './reevaluation.js'
import './passkeys.js'

// Confirm destructive actions: <form data-confirm="Are you sure?">
document.addEventListener('submit', (event) => {
  const form = event.target
  if (
    form instanceof HTMLFormElement &&
    form.dataset.confirm &&
    !window.confirm(form.dataset.confirm)
  ) {
    event.preventDefault()
  }
})

// Keep a double click from sending a form twice.
document.addEventListener('submit', (event) => {
  const form = event.target
  if (!(form instanceof HTMLFormElement) || event.defaultPrevented) return
  for (const button of form.querySelectorAll('button[type="submit"], button:not([type])')) {
    // After the browser has read the form (a disabled button's value would be lost).
    setTimeout(() => button.setAttribute('disabled', ''))
  }
})

// A link of an error summary puts the caret in the field it names (a fieldset: its first
// control), not only scrolls to it, so a keyboard user types the fix at once.
document.addEventListener('click', (event) => {
  const link =
    event.target instanceof Element
      ? event.target.closest('[data-error-summary] a[href^="#"]')
      : null
  const target = link && document.getElementById(decodeURIComponent(link.hash.slice(1)))
  if (!target) return
  const control = target.matches('input, select, textarea, button')
    ? target
    : target.querySelector('input:not([type="hidden"]), select, textarea, button')
  if (!control) return
  event.preventDefault()
  control.focus()
  history.replaceState(null, '', link.hash)
})

// A form refused by the server without an error summary: the caret goes to the first field
// in error, whose message is tied to it (aria-describedby), rather than to the top of the page.
if (!document.querySelector('[data-error-summary]')) {
  document.querySelector('main [aria-invalid="true"]')?.focus()
}

// A table wider than the screen scrolls sideways inside its .table-wrap: the wrapper then
// takes the focus, so the arrow keys scroll it (WCAG 2.1.1), and is named after the table's
// caption or its section's heading. Checked again when the window is resized.
function letScrollingTablesTakeFocus() {
  for (const wrap of document.querySelectorAll('.table-wrap')) {
    const scrolls = wrap.scrollWidth > wrap.clientWidth + 1
    if (scrolls && !wrap.hasAttribute('tabindex')) {
      const label =
        wrap.querySelector('caption') ??
        wrap.closest('section, .card')?.querySelector('h2, h3') ??
        null
      wrap.dataset.scrollFocus = ''
      wrap.setAttribute('tabindex', '0')
      if (label) {
        label.id ||= `table-label-${Math.random().toString(36).slice(2)}`
        wrap.setAttribute('role', 'region')
        wrap.setAttribute('aria-labelledby', label.id)
      }
    } else if (!scrolls && wrap.dataset.scrollFocus !== undefined) {
      delete wrap.dataset.scrollFocus
      for (const name of ['tabindex', 'role', 'aria-labelledby']) wrap.removeAttribute(name)
    }
  }
}
letScrollingTablesTakeFocus()
window.addEventListener('resize', letScrollingTablesTakeFocus)
// Web fonts change widths once loaded.
window.addEventListener('load', letScrollingTablesTakeFocus)
