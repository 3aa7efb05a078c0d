import { dictionary } from "@zxcvbn-ts/language-common";

/**
 * How many of the most used passwords are refused (ASVS 5.0 6.2.4 asks for at least the top
 * 3,000). The list is zxcvbn-ts's, ranked by frequency in public breach corpora. (About 3,500
 * of these 10,000 are long enough to pass the length rule; the rest it refuses first.)
 */
export const COMMON_PASSWORDS_RANKED = 10_000;

/** Lower-cased; compared case-insensitively. */
export const commonPasswords = new Set(
  dictionary["passwords-common"]
    .slice(0, COMMON_PASSWORDS_RANKED)
    .map((p) => p.toLowerCase()),
);
