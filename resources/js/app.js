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
  if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
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
