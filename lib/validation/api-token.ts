import { z } from "zod";

/** How long a new token may live; "never" keeps it until it is revoked. */
export const tokenLifetimes = { "7": 7, "30": 30, "90": 90, "365": 365, never: null } as const;
export type TokenLifetime = keyof typeof tokenLifetimes;

export const TOKEN_NAME_MAX = 60;
/** Enough for every script and app a member uses; more is a sign of tokens never revoked. */
export const TOKENS_PER_MEMBER = 20;

export const newApiTokenSchema = z.object({
  name: z.string({ error: "Name the token." }).trim().min(1, "Name the token, e.g. after the script that uses it.").max(TOKEN_NAME_MAX, `A token's name has at most ${TOKEN_NAME_MAX} characters.`),
  expiresInDays: z.enum(Object.keys(tokenLifetimes) as [TokenLifetime, ...TokenLifetime[]], { error: "Choose how long the token lasts." }).default("90"),
});
