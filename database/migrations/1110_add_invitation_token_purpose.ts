import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Admins invite people (staff above all): the invitation is a one-time token like a
 * password reset, with its own purpose and a longer life.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`ALTER TABLE user_tokens DROP CONSTRAINT user_tokens_purpose_check`)
    this.schema.raw(`ALTER TABLE user_tokens ADD CONSTRAINT user_tokens_purpose_check
      CHECK (purpose IN ('verify_email', 'reset_password', 'invitation'))`)
  }

  async down() {
    this.schema.raw(`DELETE FROM user_tokens WHERE purpose = 'invitation'`)
    this.schema.raw(`ALTER TABLE user_tokens DROP CONSTRAINT user_tokens_purpose_check`)
    this.schema.raw(`ALTER TABLE user_tokens ADD CONSTRAINT user_tokens_purpose_check
      CHECK (purpose IN ('verify_email', 'reset_password'))`)
  }
}
