/*
 * The visual form and rules editors, progressively enhanced (every button works without
 * this file, each posting the whole form to the server):
 * - choosing another type (or field) applies it at once, as its "Apply" button would;
 * - after a button's round trip the page comes back where the officer was, not at the top.
 */

const SCROLL_KEY = 'builder-scroll'

for (const form of document.querySelectorAll('form[data-builder]')) {
  form.addEventListener('submit', () => {
    sessionStorage.setItem(
      SCROLL_KEY,
      JSON.stringify({ path: location.pathname, y: window.scrollY })
    )
  })
  form.addEventListener('change', (event) => {
    const select = event.target
    if (!(select instanceof HTMLSelectElement) || !select.hasAttribute('data-builder-type')) return
    const apply = select.closest('.field')?.querySelector('[data-builder-refresh]')
    if (apply instanceof HTMLButtonElement) form.requestSubmit(apply)
  })
}

try {
  const saved = JSON.parse(sessionStorage.getItem(SCROLL_KEY) ?? 'null')
  sessionStorage.removeItem(SCROLL_KEY)
  // Not after a redirect elsewhere, nor when the page opens on its problems.
  if (saved && saved.path === location.pathname && !document.querySelector('.staff-problems')) {
    window.scrollTo(0, saved.y)
  }
} catch {
  sessionStorage.removeItem(SCROLL_KEY)
}
