/*
 * A call's re-evaluation page, progressively enhanced: while the job is waiting or
 * running, the progress bar and its text follow the job once a second
 * (<div data-reevaluation data-url="…/reevaluations/current" data-state="…"
 * data-progress-text="… {processed} … {total} … {percent} …" data-state-active="…">).
 * Without this file the page says to refresh it.
 */

const POLL_MS = 1000
const UNDER_WAY = new Set(['waiting', 'delayed', 'active'])

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

function render(panel, { state, processed, total, percent }) {
  const bar = panel.querySelector('progress')
  if (bar) {
    bar.max = Math.max(total, 1)
    bar.value = total === 0 ? 1 : processed
    bar.textContent = `${percent} %`
  }
  const text = panel.querySelector('[data-reevaluation-text]')
  if (text) {
    const values = { processed, total, percent }
    text.textContent = panel.dataset.progressText.replace(/\{(processed|total|percent)\}/g, (_, name) =>
      formatNumber(values[name])
    )
  }
  const stateLabel = panel.querySelector('[data-reevaluation-state]')
  const label = panel.getAttribute(`data-state-${state}`)
  if (stateLabel && label) stateLabel.textContent = label
  panel.dataset.state = state
}

function follow(panel) {
  // The page now updates itself: no need to ask for a refresh.
  panel.querySelector('[data-reevaluation-refresh-hint]')?.remove()
  let failures = 0
  const poll = async () => {
    try {
      const response = await fetch(panel.dataset.url, {
        headers: { Accept: 'application/json' },
        credentials: 'same-origin',
      })
      if (!response.ok) throw new Error(`HTTP ${response.status}`)
      const progress = await response.json()
      failures = 0
      render(panel, progress)
      if (!UNDER_WAY.has(progress.state)) return
    } catch {
      // A lost request (network, a deploy): try a few more times, then leave the page as is.
      if (++failures > 5) return
    }
    setTimeout(poll, POLL_MS)
  }
  setTimeout(poll, POLL_MS)
}

for (const panel of document.querySelectorAll('[data-reevaluation]')) {
  if (UNDER_WAY.has(panel.dataset.state)) follow(panel)
}
