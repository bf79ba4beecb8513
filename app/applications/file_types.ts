/**
 * What a file is, read from its first bytes (magic numbers), never from its name or
 * the type the browser claims: a `.exe` renamed `.pdf` is still an executable.
 */
const SIGNATURES: Array<{ type: string; bytes: number[] }> = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
]

export function detectFileType(head: Uint8Array): string | null {
  const match = SIGNATURES.find(({ bytes }) => bytes.every((byte, index) => head[index] === byte))
  return match?.type ?? null
}

/** The extension a stored or downloaded file gets, from its detected type. */
export function extensionOf(type: string) {
  return { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg' }[type] ?? 'bin'
}
