/** A single-use link an admin hands to a member who forgot their password. */
export interface PasswordResetLinkDto {
  url: string;
  expiresAt: string;
}

/** What the reset page shows before a new password is chosen. */
export interface PasswordResetPreviewDto {
  name: string;
  expiresAt: string;
}

/**
 * The answer to "I forgot my password", the same whether or not the address has an
 * account: `email` when a link is sent to accounts by e-mail, `admin` when only an admin
 * can make one (no mail server configured).
 */
export interface PasswordResetRequestedDto {
  delivery: 'email' | 'admin';
}
