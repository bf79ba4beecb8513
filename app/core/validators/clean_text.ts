import vine from '@vinejs/vine'

/**
 * What the portal accepts as text, decided once for every input (the request body and
 * query string through `clean_input_middleware`, form answers through `safeText`).
 *
 * - NFC, trimmed (as the body parser trims): the same word typed on two keyboards is stored (and compared) the same way.
 * - Stripped, silently: zero-width characters (U+200B–U+200D, U+FEFF) and the implicit
 *   direction marks (U+200E, U+200F, U+061C). They are invisible, carry no meaning in a
 *   form answer, and arrive by copy-paste from Arabic editors and word processors, so
 *   refusing them would only puzzle the person; they cannot reorder what follows.
 * - Refused, with a field message: NUL and the other C0/C1 control characters (tab,
 *   line feed and carriage return excepted) and the explicit bidi embeddings, overrides
 *   and isolates (U+202A–U+202E, U+2066–U+2069). Nobody types them; they break
 *   PostgreSQL (NUL), terminals and CSV, and they reorder text on an officer's screen
 *   ("Trojan Source" spoofing). Refusing tells the sender rather than storing a
 *   silently altered value.
 */
const STRIPPED = /[\u200B-\u200D\uFEFF\u200E\u200F\u061C]/g
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/
const LINE_BREAK_OR_TAB = /[\t\n\r]/

export type TextProblem = 'control_characters' | 'bidi_characters'

export type CleanedText = { value: string; problem?: undefined } | { problem: TextProblem }

/** `multiline: false` (a one-line answer) also refuses tabs and line breaks. */
export function cleanText(input: string, { multiline = true } = {}): CleanedText {
  const value = input.normalize('NFC').replace(STRIPPED, '').trim()
  if (CONTROL.test(value) || (!multiline && LINE_BREAK_OR_TAB.test(value))) {
    return { problem: 'control_characters' }
  }
  if (BIDI_CONTROL.test(value)) return { problem: 'bidi_characters' }
  return { value }
}

/**
 * The same cleaning as a VineJS rule, for text validated again after it was stored
 * (draft answers checked on submission, drafts saved before the cleaning existed).
 * A required text left empty by the cleaning is reported as "required".
 */
export const safeText = vine.createRule(
  (value, options: { multiline: boolean; required: boolean }, field) => {
    if (typeof value !== 'string') return
    const cleaned = cleanText(value, options)
    if (cleaned.problem) {
      field.report(`The {{ field }} field has ${cleaned.problem}`, cleaned.problem, field)
    } else if (cleaned.value === '' && options.required) {
      field.report('The {{ field }} field must be defined', 'required', field)
    } else {
      field.mutate(cleaned.value, field)
    }
  }
)
