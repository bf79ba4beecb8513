/*
| HTTP server entrypoint (`node bin/server.js` after a build, or `node ace serve`).
|
| Graceful stop on SIGTERM, before AdonisJS closes the HTTP server and the providers close
| the database and Redis: stop accepting, answer the requests already running (each with
| `Connection: close`, so no keep-alive socket holds the stop), wait for them (at most
| DRAIN_LIMIT_MS). Node calls a server closed once its sockets are, even while a request
| whose client went away still runs; without this wait such a request asked the closed
| pool for a connection, failed, and held the process for the pool's 60 s acquire timeout.
*/
import { createServer, type ServerResponse } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import { prettyPrintError } from '@adonisjs/core'
import { createIgnitor } from './ignitor.js'

const DRAIN_LIMIT_MS = 10_000
const running = new Map<ServerResponse, Promise<unknown>>()
let stopping = false

const server = createServer()

async function drain() {
  stopping = true
  server.close()
  for (const response of running.keys()) {
    if (!response.headersSent) response.setHeader('Connection', 'close')
  }
  server.closeIdleConnections()
  if (running.size === 0) return
  // An unreferenced timer: once the requests are done, it must not hold the process.
  const limit = sleep(DRAIN_LIMIT_MS, undefined, { ref: false })
  await Promise.race([Promise.allSettled(running.values()), limit])
}

createIgnitor()
  // Ready hooks run after the HTTP process registered its own close: this one runs first.
  .tap((app) => {
    app.ready(() => {
      app.terminating(drain)
    })
  })
  .httpServer()
  .start((handle) =>
    server.on('request', (request, response) => {
      if (stopping) response.setHeader('Connection', 'close')
      running.set(
        response,
        Promise.resolve(handle(request, response)).finally(() => running.delete(response))
      )
    })
  )
  .catch((error) => {
    process.exitCode = 1
    prettyPrintError(error)
  })
