import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { randomBytes } from 'node:crypto'
import Stripe from 'stripe'
import env from '#start/env'

/*
| A Stripe API FAKE for tests (DESIGN §10): a small stateful node:http server speaking
| Stripe's wire format: form-encoded requests with Bearer auth, JSON bodies shaped like
| real Transfer and Event objects, errors as `{ error: { type, message } }`. It honours
| `Idempotency-Key` as Stripe does (same key and parameters → the first answer replayed
| with `Idempotent-Replayed: true`; the same key while the first request is in flight →
| 409; other parameters → 400), counts the transfers it really creates, and injects
| 500s, 409s and timeouts on demand. The official SDK is pointed at it through
| STRIPE_API_HOST/PORT/PROTOCOL (.env.test).
*/

type Fault = { kind: 'status'; status: 500 | 409 } | { kind: 'timeout' }

interface StoredAnswer {
  fingerprint: string
  status: number
  body: string
}

export interface FakeRequest {
  method: string
  path: string
  idempotencyKey: string | null
  replayed: boolean
}

/** `metadata[tranche_id]=1` → `{ metadata: { tranche_id: '1' } }` (one level, as Stripe). */
function parseForm(body: string) {
  const result: Record<string, any> = {}
  for (const [key, value] of new URLSearchParams(body)) {
    const nested = /^(\w+)\[(\w+)\]$/.exec(key)
    if (nested) {
      result[nested[1]] ??= {}
      result[nested[1]][nested[2]] = value
    } else {
      result[key] = value
    }
  }
  return result
}

const stripeId = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`

export class StripeFake {
  readonly transfers = new Map<string, Stripe.Transfer>()
  readonly requests: FakeRequest[] = []
  /** Transfers really created (idempotent replays excluded). */
  createdTransfers = 0
  /** Milliseconds each create takes, so that concurrent requests overlap. */
  latencyMs = 0

  #answers = new Map<string, StoredAnswer | 'in_flight'>()
  #faults: Fault[] = []
  #held: ServerResponse[] = []
  #server?: Server
  #webhooks = new Stripe('sk_test_fake_not_secret').webhooks

  /** Starts the fake on the port the SDK is configured with (STRIPE_API_PORT). */
  static async start(port = env.get('STRIPE_API_PORT') ?? 12111) {
    const fake = new StripeFake()
    fake.#server = createServer((request, response) => fake.#handle(request, response))
    await new Promise<void>((resolve, reject) => {
      fake.#server!.once('error', reject)
      fake.#server!.listen(port, '127.0.0.1', () => resolve())
    })
    return fake
  }

  async stop() {
    for (const response of this.#held.splice(0)) response.destroy()
    this.#server?.closeAllConnections()
    await new Promise<void>((resolve) => this.#server?.close(() => resolve()) ?? resolve())
  }

  /** The next `times` requests fail: with this status, or by never answering. */
  inject(fault: 500 | 409 | 'timeout', times = 1) {
    for (let index = 0; index < times; index++) {
      this.#faults.push(
        fault === 'timeout' ? { kind: 'timeout' } : { kind: 'status', status: fault }
      )
    }
  }

  /** A transfer reversed on Stripe's side (what the dashboard would do). */
  reverse(transferId: string) {
    const transfer = this.transfers.get(transferId)!
    transfer.reversed = true
    transfer.amount_reversed = transfer.amount
  }

  /** A transfer as if created by an earlier process (nothing counted). */
  seedTransfer(params: Record<string, any>) {
    const transfer = this.#newTransfer(params)
    this.transfers.set(transfer.id, transfer)
    return transfer
  }

  /** An event as Stripe would deliver it: its JSON body and a valid signature header. */
  signedEvent(
    type: string,
    object: unknown,
    options: { secret?: string; timestamp?: number; id?: string } = {}
  ) {
    const event = {
      id: options.id ?? stripeId('evt'),
      object: 'event',
      api_version: Stripe.API_VERSION,
      created: Math.floor(Date.now() / 1000),
      data: { object },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
    }
    const payload = JSON.stringify(event, null, 2)
    const signature = this.#webhooks.generateTestHeaderString({
      payload,
      secret: options.secret ?? env.get('STRIPE_WEBHOOK_SECRET') ?? '',
      timestamp: options.timestamp,
    })
    return { event, payload, signature }
  }

  async #handle(request: IncomingMessage, response: ServerResponse) {
    const chunks: Buffer[] = []
    for await (const chunk of request) chunks.push(chunk as Buffer)
    const body = Buffer.concat(chunks).toString('utf8')
    const path = (request.url ?? '').split('?')[0]
    const idempotencyKey = (request.headers['idempotency-key'] as string | undefined) ?? null
    const record: FakeRequest = { method: request.method!, path, idempotencyKey, replayed: false }
    this.requests.push(record)

    if (request.headers.authorization !== `Bearer ${env.get('STRIPE_SECRET_KEY')}`) {
      return this.#send(response, 401, {
        error: { type: 'invalid_request_error', message: 'Invalid API Key provided' },
      })
    }

    const fault = this.#faults.shift()
    if (fault?.kind === 'status') {
      return this.#send(response, fault.status, {
        error: {
          type: fault.status === 409 ? 'invalid_request_error' : 'api_error',
          message: fault.status === 409 ? 'Conflict (injected)' : 'Internal error (injected)',
        },
      })
    }

    if (request.method === 'POST' && path === '/v1/transfers') {
      return this.#createTransfer(parseForm(body), idempotencyKey, record, response, fault)
    }
    const retrieve = /^\/v1\/transfers\/(\w+)$/.exec(path)
    if (request.method === 'GET' && retrieve) {
      const transfer = this.transfers.get(retrieve[1])
      if (fault?.kind === 'timeout') return this.#held.push(response)
      return transfer
        ? this.#send(response, 200, transfer)
        : this.#send(response, 404, {
            error: {
              type: 'invalid_request_error',
              code: 'resource_missing',
              message: `No such transfer: '${retrieve[1]}'`,
            },
          })
    }
    return this.#send(response, 404, {
      error: { type: 'invalid_request_error', message: `Unrecognized request URL (${path})` },
    })
  }

  async #createTransfer(
    params: Record<string, any>,
    idempotencyKey: string | null,
    record: FakeRequest,
    response: ServerResponse,
    fault: Fault | undefined
  ) {
    const fingerprint = JSON.stringify(params)
    const stored = idempotencyKey ? this.#answers.get(idempotencyKey) : undefined
    if (stored === 'in_flight') {
      return this.#send(response, 409, {
        error: {
          type: 'idempotency_error',
          message: 'There is currently another in-progress request using this Idempotent Key.',
        },
      })
    }
    if (stored) {
      if (stored.fingerprint !== fingerprint) {
        return this.#send(response, 400, {
          error: {
            type: 'idempotency_error',
            message: 'Keys for idempotent requests can only be used with the same parameters.',
          },
        })
      }
      record.replayed = true
      response.setHeader('Idempotent-Replayed', 'true')
      return this.#sendRaw(response, stored.status, stored.body)
    }
    if (idempotencyKey) this.#answers.set(idempotencyKey, 'in_flight')
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs))

    let status = 200
    let answer: unknown
    if (!params.amount || !/^\d+$/.test(params.amount) || !params.destination) {
      status = 400
      answer = { error: { type: 'invalid_request_error', message: 'Missing required param.' } }
    } else if (!String(params.destination).startsWith('acct_')) {
      status = 400
      answer = {
        error: {
          type: 'invalid_request_error',
          code: 'resource_missing',
          param: 'destination',
          message: `No such destination: '${params.destination}'`,
        },
      }
    } else {
      const transfer = this.#newTransfer(params)
      this.transfers.set(transfer.id, transfer)
      this.createdTransfers++
      answer = transfer
    }
    const body = JSON.stringify(answer)
    if (idempotencyKey) this.#answers.set(idempotencyKey, { fingerprint, status, body })
    // A timeout after the work is done: the caller never hears that the transfer exists.
    if (fault?.kind === 'timeout') return this.#held.push(response)
    return this.#sendRaw(response, status, body)
  }

  #newTransfer(params: Record<string, any>): Stripe.Transfer {
    const id = stripeId('tr')
    return {
      id,
      object: 'transfer',
      amount: Number(params.amount),
      amount_reversed: 0,
      balance_transaction: stripeId('txn'),
      created: Math.floor(Date.now() / 1000),
      currency: params.currency ?? 'mad',
      description: params.description ?? null,
      destination: params.destination,
      destination_payment: stripeId('py'),
      livemode: false,
      metadata: params.metadata ?? {},
      reversals: {
        object: 'list',
        data: [],
        has_more: false,
        url: `/v1/transfers/${id}/reversals`,
      },
      reversed: false,
      source_transaction: null,
      source_type: 'card',
      transfer_group: params.transfer_group ?? null,
    } as unknown as Stripe.Transfer
  }

  #send(response: ServerResponse, status: number, body: unknown) {
    return this.#sendRaw(response, status, JSON.stringify(body))
  }

  #sendRaw(response: ServerResponse, status: number, body: string) {
    response.writeHead(status, {
      'Content-Type': 'application/json',
      'Request-Id': stripeId('req'),
      'Stripe-Version': Stripe.API_VERSION,
    })
    response.end(body)
  }
}
