/**
 * API tokens and second factors: a token is issued by POST /api/v1/tokens against the
 * password, plus a current code (authenticator or recovery) for staff and anyone who
 * enrolled one. A token issued that way carries this ability; a staff member's token
 * without it (issued before MFA, or before they were made staff) is refused with 403.
 * Tokens are never in sudo mode: the sensitive actions are pages only.
 */
export const MFA_TOKEN_ABILITY = 'mfa:verified'
