import proxyAddr from 'proxy-addr'

/**
 * TRUSTED_PROXIES: the load balancers whose X-Forwarded-For, -Proto and -Host the portal
 * believes, as comma-separated addresses, CIDR ranges or proxy-addr's named ranges
 * (loopback, linklocal, uniquelocal). Unset or empty trusts no one: otherwise anybody
 * could choose the IP address the rate limits count and the audit log records.
 * Validated at boot (start/env.ts): a typo fails loudly instead of trusting nobody.
 */
export function parseTrustedProxies(value: string | undefined): string[] {
  const entries = (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  try {
    trustProxies(entries)
  } catch (error) {
    throw new Error(`TRUSTED_PROXIES: ${(error as Error).message} (in "${value}")`)
  }
  return entries
}

/** The `trustProxy` function of config/app.ts, proxy-addr's as AdonisJS uses it. */
export function trustProxies(entries: string[]): (address: string, hop: number) => boolean {
  return entries.length ? proxyAddr.compile(entries) : () => false
}
