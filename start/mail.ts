/*
| `mail.sendLater()` goes through BullMQ: the web request only enqueues, a worker sends
| (with retries and backoff), so a slow relay never slows a page.
*/
import mail from '@adonisjs/mail/services/main'
import queue from '#core/services/queue'

mail.setMessenger((mailer) => ({
  async queue(compiled, sendConfig) {
    await queue.dispatch('mail.send', { mailer: mailer.name, compiled, sendConfig })
  },
}))
