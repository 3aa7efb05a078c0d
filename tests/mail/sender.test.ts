/**
 * The mail queue and its sender: mail exists only when the write that caused it commits, is
 * sent once by several senders, retried with back-off after a failure, and really reaches an
 * SMTP server. Notice mail (replies, mentions) and the daily digest follow each member's
 * choices. On the embedded database and on PostgreSQL (TEST_DATABASE_URL).
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { addComment } from "../../lib/commands/comment";
import { changeMailChoices } from "../../lib/commands/account-settings";
import { toggleFollow } from "../../lib/commands/follow";
import { db } from "../../lib/db";
import { readMailConfig } from "../../lib/mail/config";
import { queueDueDigests, DIGEST_PERIOD_MS } from "../../lib/mail/digest";
import { queueMail } from "../../lib/mail/queue";
import { MAX_ATTEMPTS, retryDelayMs, sendDueMail } from "../../lib/mail/sender";
import { createTransport, type MailTransport, type OutgoingMail } from "../../lib/mail/transport";
import { closeTestDatabase, openTestDatabase, uniqueName } from "../helpers/db";
import { answerAs, askAs, member, someCategoryId } from "../helpers/fixtures";
import { createQuestion } from "../../lib/commands/create-question";

before(openTestDatabase);
after(closeTestDatabase);

/** A transport that records what it sends, or fails while `failing` is set. */
function recorder() {
  const sent: OutgoingMail[] = [];
  const t: MailTransport & { sent: OutgoingMail[]; failing: boolean } = {
    name: "test",
    sent,
    failing: false,
    async send(mail) {
      if (t.failing) throw new Error("421 try again later");
      sent.push(mail);
    },
  };
  return t;
}

/** Sends what is due and returns what reached `to`, so tests running beside each other do not see each other's mail. */
async function deliveredTo(to: string, transport = recorder(), now?: Date) {
  await sendDueMail(transport, now);
  return transport.sent.filter((m) => m.to === to);
}

async function queueOne(to: string) {
  const m = await member();
  await db.$transaction((tx) => queueMail(tx, { kind: "confirm", userId: m.id, to, subject: "Hello", text: "A line of text." }));
  return db.mail.findFirstOrThrow({ where: { to }, select: { id: true } });
}

const address = () => `${uniqueName("to").toLowerCase()}@example.org`;

describe("the queue", () => {
  test("a rolled-back transaction leaves no mail; a committed one is sent once", async () => {
    const to = address();
    const m = await member();
    await assert.rejects(
      db.$transaction(async (tx) => {
        await queueMail(tx, { kind: "confirm", userId: m.id, to, subject: "Never", text: "Rolled back." });
        throw new Error("the write failed after queuing its mail");
      }),
      /the write failed/,
    );
    assert.equal(await db.mail.count({ where: { to } }), 0);
    assert.deepEqual(await deliveredTo(to), []);
    await queueOne(to);
    const t = recorder();
    assert.equal((await deliveredTo(to, t)).length, 1);
    assert.equal((await deliveredTo(to, t)).length, 1, "not sent a second time");
    const row = await db.mail.findFirstOrThrow({ where: { to }, select: { status: true, sentAt: true, attempts: true } });
    assert.equal(row.status, "SENT");
    assert.ok(row.sentAt);
    assert.equal(row.attempts, 1);
  });

  test("several senders at once send each mail exactly once (FOR UPDATE SKIP LOCKED)", async () => {
    const to = address();
    for (let i = 0; i < 25; i++) await queueOne(to);
    const senders = [recorder(), recorder(), recorder()];
    await Promise.all(senders.map((s) => sendDueMail(s)));
    const all = senders.flatMap((s) => s.sent.filter((m) => m.to === to));
    assert.equal(all.length, 25);
    assert.equal(await db.mail.count({ where: { to, status: "SENT" } }), 25);
  });

  test("a failed send is retried after its back-off, and given up after the last attempt", async () => {
    const to = address();
    const { id } = await queueOne(to);
    const t = recorder();
    t.failing = true;
    const start = new Date();
    assert.deepEqual(await deliveredTo(to, t, start), []);
    let row = await db.mail.findUniqueOrThrow({ where: { id }, select: { status: true, attempts: true, nextAttemptAt: true, error: true } });
    assert.equal(row.status, "PENDING");
    assert.equal(row.attempts, 1);
    assert.match(row.error ?? "", /421/);
    assert.equal(row.nextAttemptAt.getTime(), start.getTime() + retryDelayMs(1));
    t.failing = false;
    assert.deepEqual(await deliveredTo(to, t, new Date(start.getTime() + retryDelayMs(1) - 1000)), [], "not before its back-off");
    assert.equal((await deliveredTo(to, t, new Date(start.getTime() + retryDelayMs(1)))).length, 1, "sent after it");
    row = await db.mail.findUniqueOrThrow({ where: { id }, select: { status: true, attempts: true, nextAttemptAt: true, error: true } });
    assert.deepEqual([row.status, row.attempts, row.error], ["SENT", 2, null]);

    const doomed = await queueOne(address());
    t.failing = true;
    let now = Date.now();
    for (let i = 1; i <= MAX_ATTEMPTS; i++) {
      await sendDueMail(t, new Date(now));
      now += retryDelayMs(i);
    }
    const last = await db.mail.findUniqueOrThrow({ where: { id: doomed.id }, select: { status: true, attempts: true } });
    assert.deepEqual(last, { status: "FAILED", attempts: MAX_ATTEMPTS });
  });

  test("through SMTP, end to end, to a local SMTP server", async () => {
    const received: { to: string[]; data: string }[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData(stream, session, callback) {
        let data = "";
        stream.on("data", (chunk: Buffer) => (data += chunk.toString()));
        stream.on("end", () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.server.address() as AddressInfo;
    const transport = createTransport(readMailConfig({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: "Forum <forum@example.org>" }));
    try {
      assert.equal(transport.name, "smtp");
      const to = address();
      await queueOne(to);
      await sendDueMail(transport);
      const got = received.find((r) => r.to.includes(to));
      assert.ok(got, "the SMTP server received the mail");
      assert.match(got.data, /Subject: Hello/);
      assert.match(got.data, /From: Forum <forum@example\.org>/);
      assert.match(got.data, /A line of text\./);
      assert.equal((await db.mail.findFirstOrThrow({ where: { to }, select: { status: true } })).status, "SENT");
    } finally {
      transport.close?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    // And with the server gone, the mail waits for its retry instead of being lost.
    const to = address();
    await queueOne(to);
    const gone = createTransport(readMailConfig({ SMTP_URL: `smtp://127.0.0.1:${port}` }));
    await sendDueMail(gone);
    gone.close?.();
    const row = await db.mail.findFirstOrThrow({ where: { to }, select: { status: true, error: true } });
    assert.equal(row.status, "PENDING");
    assert.ok(row.error);
  });

  test("bad mail settings stop start-up with a message naming them", () => {
    assert.throws(() => readMailConfig({ SMTP_URL: "mail.example.org" }), /SMTP_URL/);
    assert.throws(() => readMailConfig({ SITE_URL: "javascript:alert(1)" }), /SITE_URL/);
    assert.throws(() => readMailConfig({ MAIL_INTERVAL_MS: "soon" }), /MAIL_INTERVAL_MS/);
    assert.equal(readMailConfig({ PORT: "4000" }).siteUrl, "http://localhost:4000");
    assert.equal(readMailConfig({}).smtpUrl, null);
  });
});

/** A member with a confirmed address and the given mail choices. */
async function subscriber(choices: Record<string, string>) {
  const m = await member();
  const email = `${m.username.toLowerCase()}@example.org`;
  await db.user.update({ where: { id: m.id }, data: { email, emailVerified: new Date() } });
  await changeMailChoices(m, choices);
  return { ...m, email };
}

describe("notice mail and the digest", () => {
  test("an answer to my question and a comment on my post are mailed only to those who opted in", async () => {
    const asker = await subscriber({ mailOnReply: "on" });
    const quiet = await subscriber({});
    const answerer = await member("MODERATOR"); // comments on others' posts without earning points first
    const q = await askAs(asker, "Why does TCP need a three-way handshake?");
    const a = await answerAs(answerer, q.id);
    const t = recorder();
    const mails = await deliveredTo(asker.email, t);
    assert.equal(mails.length, 1);
    assert.match(mails[0]!.subject, new RegExp(`${answerer.username} answered your question: Why does TCP need`));
    assert.match(mails[0]!.text, new RegExp(`/questions/${q.id}/.*#answer-${a.id}`));
    await addComment(answerer, { postType: "question", postId: q.id, body: "Which RFC are you reading?" });
    assert.equal((await deliveredTo(asker.email, t)).length, 2);
    const q2 = await askAs(quiet);
    await answerAs(answerer, q2.id);
    assert.deepEqual(await deliveredTo(quiet.email, t), []);
    // A follower of the question hears in the inbox, not by mail: only the asker's replies are mailed.
    assert.equal(await db.mail.count({ where: { userId: answerer.id, kind: "reply" } }), 0);
  });

  test("a mention is mailed to the opted-in; an unconfirmed address gets nothing", async () => {
    const named = await subscriber({ mailOnMention: "1" });
    const unconfirmed = await subscriber({ mailOnMention: "1", mailOnReply: "1" });
    await db.user.update({ where: { id: unconfirmed.id }, data: { emailVerified: null } });
    const author = await member();
    await answerAs(author, (await askAs(unconfirmed)).id);
    const q = await createQuestion(author, {
      title: "Asking two members about BGP",
      body: `Hello @${named.username} and @${unconfirmed.username}, how does BGP pick a route?`,
      categoryId: await someCategoryId(),
      tags: "bgp",
    });
    const t = recorder();
    const mails = await deliveredTo(named.email, t);
    assert.equal(mails.length, 1);
    assert.match(mails[0]!.subject, new RegExp(`${author.username} mentioned you`));
    assert.match(mails[0]!.text, new RegExp(`/questions/${q.id}/`));
    assert.deepEqual(await deliveredTo(unconfirmed.email, t), []);
  });

  test("the daily digest lists new questions in followed tags, once a day, and nothing when there are none", async () => {
    const tag = uniqueName("dg").toLowerCase();
    const reader = await subscriber({ mailDigest: "on" });
    const author = await member();
    await createQuestion(author, { title: "A question in the followed tag", body: "Asked after the reader followed the tag, so it is news.", categoryId: await someCategoryId(), tags: tag });
    const tagId = (await db.tag.findUniqueOrThrow({ where: { name: tag }, select: { id: true } })).id;
    await toggleFollow(reader, { target: "tag", id: tagId, follow: "1" });
    const tomorrow = new Date(Date.now() + DIGEST_PERIOD_MS + 60_000);
    await queueDueDigests(tomorrow);
    const digests = await db.mail.findMany({ where: { userId: reader.id, kind: "digest" }, select: { subject: true, text: true } });
    assert.equal(digests.length, 1);
    assert.match(digests[0]!.subject, /1 new question in the tags you follow/);
    assert.match(digests[0]!.text, /A question in the followed tag/);
    await queueDueDigests(tomorrow);
    assert.equal(await db.mail.count({ where: { userId: reader.id, kind: "digest" } }), 1, "once a day");
    await queueDueDigests(new Date(tomorrow.getTime() + DIGEST_PERIOD_MS));
    assert.equal(await db.mail.count({ where: { userId: reader.id, kind: "digest" } }), 1, "no news, no mail");
    const optedOut = await subscriber({});
    await toggleFollow(optedOut, { target: "tag", id: tagId, follow: "1" });
    await queueDueDigests(tomorrow);
    assert.equal(await db.mail.count({ where: { userId: optedOut.id } }), 0);
  });
});
