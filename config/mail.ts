import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig, transports } from '@adonisjs/mail'
import { CaptureTransport } from '#core/mail/capture_transport'

const mailConfig = defineConfig({
  default: env.get('MAIL_MAILER'),
  from: {
    address: env.get('MAIL_FROM_ADDRESS'),
    name: env.get('MAIL_FROM_NAME'),
  },
  globals: { brandName: 'Manassa', appUrl: env.get('APP_URL') },
  mailers: {
    smtp: transports.smtp({ host: env.get('SMTP_HOST'), port: env.get('SMTP_PORT') }),
    capture: () => new CaptureTransport(app.tmpPath('mail')),
  },
})

export default mailConfig

declare module '@adonisjs/mail/types' {
  export interface MailersList extends InferMailers<typeof mailConfig> {}
}
