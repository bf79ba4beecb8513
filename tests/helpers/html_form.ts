/**
 * What a browser would post for a form of a rendered page, read from its HTML: inputs
 * (checked boxes and radios only), selects (the selected option, else the first) and
 * textareas, as [name, value] pairs in document order. Enough for the pages we render
 * ourselves (attributes in double quotes), not a general HTML parser.
 */
const decode = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')

const attribute = (tag: string, name: string) => {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag)
  return match ? decode(match[1]) : undefined
}
const flag = (tag: string, name: string) => new RegExp(`\\s${name}(?:[\\s/>=]|$)`).test(tag)

export function formValues(html: string, formId: string): Array<[string, string]> {
  const start = html.indexOf(`id="${formId}"`)
  if (start < 0) throw new Error(`no form #${formId} in the page`)
  const form = html.slice(html.lastIndexOf('<form', start), html.indexOf('</form>', start))
  const pairs: Array<[string, string]> = []
  const controls =
    /<input\b[^>]*>|<select\b[^>]*>([\s\S]*?)<\/select>|<textarea\b[^>]*>([\s\S]*?)<\/textarea>/g
  for (const match of form.matchAll(controls)) {
    const tag = match[0].slice(0, match[0].indexOf('>') + 1)
    const name = attribute(tag, 'name')
    if (!name || name === '_csrf' || flag(tag, 'disabled')) continue
    if (tag.startsWith('<input')) {
      const type = attribute(tag, 'type') ?? 'text'
      if (['submit', 'button', 'file'].includes(type)) continue
      if ((type === 'checkbox' || type === 'radio') && !flag(tag, 'checked')) continue
      pairs.push([name, attribute(tag, 'value') ?? (type === 'checkbox' ? 'on' : '')])
    } else if (tag.startsWith('<select')) {
      const options = [...(match[1] ?? '').matchAll(/<option\b[^>]*>/g)].map((option) => option[0])
      const chosen = options.find((option) => flag(option, 'selected')) ?? options[0]
      if (chosen) pairs.push([name, attribute(chosen, 'value') ?? ''])
    } else {
      pairs.push([name, decode(match[2] ?? '').replace(/^\n/, '')])
    }
  }
  return pairs
}

/** The pairs as a urlencoded body, with some values replaced or added. */
export function formBody(pairs: Array<[string, string]>, changes: Record<string, string> = {}) {
  const body = new URLSearchParams()
  const replaced = new Set<string>()
  for (const [name, value] of pairs) {
    if (name in changes) {
      if (!replaced.has(name)) body.append(name, changes[name])
      replaced.add(name)
    } else {
      body.append(name, value)
    }
  }
  for (const [name, value] of Object.entries(changes)) {
    if (!replaced.has(name)) body.append(name, value)
  }
  return body.toString()
}
