/*
 * Progressive enhancement only: every page works without this file.
 */
import './autosave.js'
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
