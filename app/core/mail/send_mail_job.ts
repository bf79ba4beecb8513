import mail from '@adonisjs/mail/services/main'
import type { MessageBodyTemplates, NodeMailerMessage } from '@adonisjs/mail/types'
import type { Job } from '#core/queue/types'

export interface SendMailPayload {
  mailer: string
  compiled: { message: NodeMailerMessage; views: MessageBodyTemplates }
  sendConfig?: unknown
}

/** Sends a message that `mail.sendLater()` compiled in the web process. */
export default class SendMailJob implements Job<SendMailPayload> {
  async handle({ mailer, compiled, sendConfig }: SendMailPayload) {
    await mail.use(mailer as any).sendCompiled(compiled, sendConfig)
  }
}
