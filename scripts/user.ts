/**
 * `npm run user -- <command>`: the admin CLI for accounts, run on the machine that holds the
 * data. Opens the database the way the server does (DATABASE_URL, else DATA_DIR).
 */
import { parseArgs } from "node:util";
import { hashPassword, checkNewPassword } from "../lib/auth/password";
import { db } from "../lib/db";
import { startDatabase, stopDatabase } from "../lib/db/start";
import { isUniqueViolation } from "../lib/errors";
import type { Role } from "../lib/generated/prisma/client";
import { signUpSchema } from "../lib/validation/account";

const usage = `Usage: npm run user -- <command>

Commands:
  create --username NAME --email EMAIL --password PASS [--role member|moderator|admin]
                                   Create a member with a password.
  role NAME member|moderator|admin Change a member's role (their sessions must sign in again).
  list                             List moderators and admins.`;

const roles: Record<string, Role> = { member: "MEMBER", moderator: "MODERATOR", admin: "ADMIN" };

/** A failure the person can fix: printed as one line, no stack trace. */
class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

type Command = () => Promise<void>;

/** Checks every argument before the database is opened. */
async function parseCommand(argv: string[]): Promise<Command> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { username: { type: "string" }, email: { type: "string" }, password: { type: "string" }, role: { type: "string" } },
  });
  const [command, ...rest] = positionals;
  if (command === "create" && rest.length === 0) {
    const missing = (["username", "email", "password"] as const).filter((k) => !values[k]).map((k) => `--${k}`);
    if (missing.length > 0) throw new CliError(`create needs ${missing.join(", ")}.\n\n${usage}`, 2);
    const parsed = signUpSchema.safeParse(values);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new CliError(`--${String(issue?.path[0] ?? "arguments")}: ${issue?.message ?? "invalid"}\n\n${usage}`, 2);
    }
    const { username, email, password } = parsed.data;
    const role = parseRole(values.role ?? "member");
    const weak = checkNewPassword(password, username);
    if (weak) throw new CliError(`--password: ${weak}`);
    return () => createMember(username, email, password, role);
  }
  if (command === "role" && rest.length === 2 && noOptions(values)) {
    const [username = "", role = ""] = rest;
    const parsedRole = parseRole(role);
    return () => changeRole(username, parsedRole);
  }
  if (command === "list" && rest.length === 0 && noOptions(values)) return listStaff;
  throw new CliError(usage, 2);
}

function parseRole(name: string): Role {
  const role = roles[name.toLowerCase()];
  if (!role) throw new CliError(`Unknown role "${name}": use member, moderator or admin.\n\n${usage}`, 2);
  return role;
}

const noOptions = (values: Record<string, unknown>) => Object.values(values).every((v) => v === undefined);

async function createMember(username: string, email: string, password: string, role: Role) {
  const passwordHash = await hashPassword(password);
  try {
    await db.user.create({
      data: { username, usernameKey: username.toLowerCase(), email: email.toLowerCase(), passwordHash, role },
      select: { id: true },
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new CliError("That username or email is taken.");
    throw err;
  }
  console.log(`Created ${username} (${role.toLowerCase()}).`);
}

async function changeRole(username: string, role: Role) {
  // The bump makes existing sessions stale, so the new role applies from the next sign-in.
  const { count } = await db.user.updateMany({
    where: { usernameKey: username.toLowerCase() },
    data: { role, sessionVersion: { increment: 1 } },
  });
  if (count === 0) throw new CliError(`No member is named "${username}".`);
  console.log(`${username} now has the ${role.toLowerCase()} role; their existing sessions were signed out.`);
}

async function listStaff() {
  const staff = await db.user.findMany({
    where: { role: { not: "MEMBER" } },
    orderBy: [{ role: "desc" }, { usernameKey: "asc" }],
    select: { username: true, email: true, role: true },
  });
  if (staff.length === 0) return console.log("No moderators or admins.");
  const width = Math.max(...staff.map((u) => u.username.length));
  for (const u of staff) console.log(`${u.username.padEnd(width)}  ${u.role.toLowerCase().padEnd(9)}  ${u.email ?? ""}`);
}

async function openDatabase() {
  try {
    await startDatabase();
  } catch (err) {
    const message = (err as Error).message;
    // The embedded data directory has one owner: the running server holds its lock.
    if (/in use/i.test(message)) throw new CliError(`${message}\nStop the forum (or run this against DATABASE_URL) and try again.`);
    throw new CliError(message);
  }
}

async function main(): Promise<number> {
  let run: Command;
  try {
    run = await parseCommand(process.argv.slice(2));
  } catch (err) {
    // util.parseArgs reports unknown options and missing values as ERR_PARSE_ARGS_* errors.
    if ((err as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) throw new CliError(`${(err as Error).message}\n\n${usage}`, 2);
    throw err;
  }
  await openDatabase();
  try {
    await run();
  } finally {
    await stopDatabase();
  }
  return 0;
}

process.exitCode = await main().catch((err: unknown) => {
  if (err instanceof CliError) {
    console.error(err.message);
    return err.exitCode;
  }
  console.error(err);
  return 1;
});
