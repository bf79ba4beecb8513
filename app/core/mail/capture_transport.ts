import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { JSONTransport } from '@adonisjs/mail/transports/json'
import type { MailTransportContract, NodeMailerMessage } from '@adonisjs/mail/types'

/**
 * Captured-mail transport: renders each message exactly as SMTP would receive it and
 * writes it to `<directory>/<timestamp>-<messageId>.json` instead of sending it.
 * For development, demos and machines with no SMTP relay; nothing leaves the machine.
 */
export class CaptureTransport implements MailTransportContract {
  #json = new JSONTransport()

  constructor(private directory: string) {}

  async send(message: NodeMailerMessage) {
    const response = await this.#json.send(message)
    await mkdir(this.directory, { recursive: true })
    const fileName = `${Date.now()}-${response.messageId.replace(/[^\w.-]/g, '_')}.json`
    await writeFile(join(this.directory, fileName), String(response.original.message))
    return response
  }
}
