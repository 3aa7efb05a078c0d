import { commonPasswords } from "./common-passwords";

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;

/** Why a new password is refused, or null. Length only, no composition rules (NIST 800-63B). */
export function checkNewPassword(password: string, username: string): string | null {
  if (password.length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters.`;
  if (password.length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
  const lower = password.toLowerCase();
  if (commonPasswords.has(lower)) return "That password is one of the most common ones; choose another.";
  if (username && lower === username.toLowerCase()) return "Your password cannot be your username.";
  return null;
}
