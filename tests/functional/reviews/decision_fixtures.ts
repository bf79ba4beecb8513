/** Awaits a request and checks its status (one line per forbidden request in the tests). */
export async function expectStatus(
  request: PromiseLike<{ assertStatus(status: number): void }>,
  status: number
) {
  const response = await request
  response.assertStatus(status)
}

/** One field of an awaited row. */
export async function pick<T, K extends keyof T>(promise: PromiseLike<T>, key: K): Promise<T[K]> {
  const value = await promise
  return value[key]
}
