/**
 * Members for the reliability suites, written straight into the database (with the forum
 * stopped, or on a PostgreSQL server), and their session cookies minted the way Auth.js mints
 * them after a sign-in, with the secret the suites give the server (FORUM_TEST_AUTH_SECRET).
 */
import { encode } from "next-auth/jwt";
import { hashPassword } from "../../lib/auth/password";
import { db } from "../../lib/db";

export const TEST_AUTH_SECRET = "forum-reliability-secret-not-for-production-0123456789";
const COOKIE = "authjs.session-token";

export type Member = { id: number; username: string; cookie: string };

export async function createMembers(count: number, prefix: string): Promise<Member[]> {
  const passwordHash = await hashPassword("reliability passphrase");
  const out: Member[] = [];
  for (let i = 0; i < count; i++) {
    const username = `${prefix}${i}`;
    const user = await db.user.create({ data: { username, usernameKey: username.toLowerCase(), email: `${username}@example.test`, passwordHash }, select: { id: true, username: true, sessionVersion: true } });
    const token = await encode({ token: { uid: user.id, sv: user.sessionVersion, name: user.username, sub: String(user.id) }, secret: TEST_AUTH_SECRET, salt: COOKIE, maxAge: 24 * 3600 });
    out.push({ id: user.id, username, cookie: `${COOKIE}=${token}` });
  }
  return out;
}

/** Members whose points differ from the sum of their ledger events (none, when all is well). */
export async function ledgerMismatches(): Promise<{ id: number; points: number; ledger: number }[]> {
  const rows = await db.$queryRawUnsafe<{ id: number; points: number; ledger: bigint | number | null }[]>(`
    select u.id, u.points, coalesce(e.total, 0) as ledger
    from "User" u left join (select "userId", sum(delta) as total from "PointEvent" group by "userId") e on e."userId" = u.id
    where u.points <> coalesce(e.total, 0)`);
  return rows.map((r) => ({ id: r.id, points: r.points, ledger: Number(r.ledger) }));
}

/** Posts one answer as `member`; the new answer's id when the forum acknowledged it. */
export async function postAnswer(base: string, member: Member, questionId: number, text: string): Promise<number | null> {
  const res = await fetch(`${base}/api/questions/${questionId}/answers`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base, cookie: member.cookie },
    body: JSON.stringify({ body: text }),
    signal: AbortSignal.timeout(15_000),
  });
  if (res.status !== 201) {
    const said = await res.text();
    if (process.env.RELIABILITY_DEBUG) console.log(`answer refused ${res.status}: ${said.slice(0, 200)}`);
    return null;
  }
  return ((await res.json()) as { id: number }).id;
}
