import { hash, verify } from "@node-rs/argon2";
export { checkNewPassword, PASSWORD_MAX, PASSWORD_MIN } from "./password-policy";

// argon2id at OWASP's recommended minimum (19 MiB, 2 passes, 1 lane); raise, never lower.
// algorithm 2 is Argon2id (the package exports it as a const enum, which isolatedModules cannot read).
const options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(plain: string): Promise<string> {
  return hash(plain, options);
}

// A hash of nothing anyone knows, verified when the account does not exist so that a wrong
// username costs the same time as a wrong password.
let decoy: Promise<string> | undefined;

export async function verifyPassword(stored: string | null | undefined, plain: string): Promise<boolean> {
  if (!stored) {
    await verify(await (decoy ??= hashPassword(crypto.randomUUID())), plain).catch(() => false);
    return false;
  }
  return verify(stored, plain).catch(() => false);
}
