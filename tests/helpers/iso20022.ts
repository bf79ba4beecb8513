import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { validateXML } from 'xmllint-wasm'

/*
| The official ISO 20022 pain.001.001.03 schema, as Debian ships it (the Tryton SEPA
| module keeps it for its own tests). It is not committed here: when the package is not
| installed, its .deb is downloaded from Debian and unpacked under tmp/ once.
*/
const PACKAGE = 'tryton-modules-account-payment-sepa'
const SCHEMA_IN_PACKAGE =
  'usr/lib/python3/dist-packages/trytond/modules/account_payment_sepa/tests/pain.001.001.03.xsd'
const CACHE = new URL('../../tmp/iso20022/', import.meta.url).pathname

function schemaPath() {
  const installed = `/${SCHEMA_IN_PACKAGE}`
  if (existsSync(installed)) return installed
  const cached = `${CACHE}${SCHEMA_IN_PACKAGE}`
  if (!existsSync(cached)) {
    mkdirSync(CACHE, { recursive: true })
    execFileSync('apt-get', ['download', PACKAGE], { cwd: CACHE, stdio: 'ignore' })
    const deb = readdirSync(CACHE).find((name) => name.startsWith(PACKAGE) && name.endsWith('.deb'))
    if (!deb) throw new Error(`apt-get download ${PACKAGE} gave no package`)
    execFileSync('dpkg-deb', ['-x', deb, '.'], { cwd: CACHE })
  }
  return cached
}

/** Validates a pain.001.001.03 document against the official XSD (libxml2 in WebAssembly). */
export async function validatePain001(xml: string) {
  const schema = await readFile(schemaPath(), 'utf8')
  return validateXML({
    xml: [{ fileName: 'batch.xml', contents: xml }],
    schema: [{ fileName: 'pain.001.001.03.xsd', contents: schema }],
  })
}
