/**
 * Moroccan bank account numbers, checked before they are stored (DESIGN §6).
 *
 * - A RIB is 24 digits: bank (3), city (3), account (16) and a two-digit key chosen so
 *   that the whole number is a multiple of 97.
 * - A Moroccan IBAN is `MA`, two check digits (ISO 13616 mod 97) and that RIB.
 */
export type BankAccountKind = 'iban' | 'rib'

export interface BankAccountNumber {
  kind: BankAccountKind
  /** Normalised: no spaces, upper case. */
  value: string
  last4: string
}

/** What a person types: spaces, dashes and dots are groupings, not characters. */
export function normaliseAccountNumber(input: string) {
  return input.replace(/[\s.\-\u00a0]/g, '').toUpperCase()
}

/** The remainder of a long decimal string divided by 97, digit by digit (no float). */
export function mod97(digits: string) {
  let remainder = 0
  for (const digit of digits) {
    remainder = (remainder * 10 + Number(digit)) % 97
  }
  return remainder
}

/** ISO 13616: the first four characters move to the end, letters become 10–35, mod 97 is 1. */
export function hasValidIbanChecksum(iban: string) {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{1,30}$/.test(iban)) return false
  const rearranged = iban.slice(4) + iban.slice(0, 4)
  const digits = rearranged.replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55))
  return mod97(digits) === 1
}

/** A Moroccan RIB: 24 digits whose last two are the key, the whole a multiple of 97. */
export function isValidRib(rib: string) {
  return /^\d{24}$/.test(rib) && mod97(rib) === 0
}

/** The RIB key of the first 22 digits (bank, city, account). */
export function ribKey(first22: string) {
  return String(97 - mod97(`${first22}00`)).padStart(2, '0')
}

export function isValidMoroccanIban(iban: string) {
  return /^MA\d{26}$/.test(iban) && hasValidIbanChecksum(iban)
}

/** The IBAN of a Moroccan RIB: `MA` and the check digits that make it valid. */
export function ibanFromRib(rib: string) {
  const check = 98 - mod97(`${rib}221000`) // "MA00" → M=22, A=10, 00
  return `MA${String(check).padStart(2, '0')}${rib}`
}

/**
 * Reads an IBAN or a RIB as typed. Returns null when it is neither, or when a check
 * digit is wrong (a typo caught before money goes to the wrong account).
 */
export function parseBankAccount(input: string): BankAccountNumber | null {
  const value = normaliseAccountNumber(input)
  if (value.startsWith('MA')) {
    return isValidMoroccanIban(value) ? { kind: 'iban', value, last4: value.slice(-4) } : null
  }
  return isValidRib(value) ? { kind: 'rib', value, last4: value.slice(-4) } : null
}
