import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createAnswer } from "../lib/commands/create-answer";
import { createQuestion } from "../lib/commands/create-question";
import { selectBestAnswer } from "../lib/commands/select-best-answer";
import { db } from "../lib/db";
import { listQuestions } from "../lib/data/questions";
import { findTag, listTags } from "../lib/data/tags";
import { parseSort } from "../lib/validation/list";
import { closeTestDatabase, openTestDatabase, uniqueName } from "./helpers/db";
import { member, someCategoryId } from "./helpers/fixtures";

// The database may be shared with other test files: every list here is scoped to a tag (or a
// category) made for this run.
const tag = uniqueName("t");
const rareTag = uniqueName("u");
let q1: number, q2: number, q3: number, q4: number;
let asker: Awaited<ReturnType<typeof member>>;

async function ask(title: string, tags: string, categoryId?: number) {
  const q = await createQuestion(asker, { title, body: "A body long enough for the validation rules.", categoryId: categoryId ?? (await someCategoryId()), tags });
  return q.id;
}

const ids = (r: { questions: { id: number }[] }) => r.questions.map((q) => q.id);
const list = (sort: "newest" | "active" | "unanswered" | "top") => listQuestions({ tagName: tag, sort }).then(ids);

before(async () => {
  await openTestDatabase();
  asker = await member();
  q1 = await ask(`First listed question ${tag}`, tag);
  q2 = await ask(`Second listed question ${tag}`, `${tag} ${rareTag}`);
  q3 = await ask(`Third listed question ${tag}`, tag);
  q4 = await ask(`Fourth listed question ${tag}`, tag);
  await ask(`Untagged question ${tag}`, "");
});
after(closeTestDatabase);

describe("question lists", () => {
  test("newest: latest first, only the tag's questions", async () => {
    assert.deepEqual(await list("newest"), [q4, q3, q2, q1]);
  });

  test("active: a new answer brings a question to the top", async () => {
    const answerer = await member();
    const answer = await createAnswer(answerer, q1, { body: "An answer that makes the first question active." });
    assert.deepEqual(await list("active"), [q1, q4, q3, q2]);
    await createAnswer(answerer, q2, { body: "An answer that is never picked as best." });
    assert.deepEqual(await list("active"), [q2, q1, q4, q3]);
    await selectBestAnswer(asker, answer.id);
  });

  test("unanswered: no best answer yet, newest first", async () => {
    // q2 has an answer but no best answer: it still needs help.
    assert.deepEqual(await list("unanswered"), [q4, q3, q2]);
  });

  test("top: highest score first, ties newest first", async () => {
    // Votes are another feature's commands; the list only reads the score column.
    await db.question.update({ where: { id: q2 }, data: { score: 5 } });
    await db.question.update({ where: { id: q3 }, data: { score: 5 } });
    await db.question.update({ where: { id: q4 }, data: { score: -1 } });
    assert.deepEqual(await list("top"), [q3, q2, q1, q4]);
  });

  test("removed and hidden questions are left out of every list", async () => {
    await db.question.update({ where: { id: q3 }, data: { hiddenAt: new Date() } });
    await db.question.update({ where: { id: q4 }, data: { deletedAt: new Date() } });
    try {
      for (const sort of ["newest", "active", "unanswered", "top"] as const) {
        assert.ok(!(await list(sort)).some((id) => id === q3 || id === q4), sort);
      }
      assert.equal((await listTags()).find((t) => t.name === tag)?.count, 2);
    } finally {
      await db.question.updateMany({ where: { id: { in: [q3, q4] } }, data: { hiddenAt: null, deletedAt: null } });
    }
  });

  test("category filter and pages of 20 with a stable order among ties", async () => {
    const slug = uniqueName("cat");
    const category = await db.category.create({ data: { slug, name: slug }, select: { id: true } });
    const created: number[] = [];
    for (let i = 0; i < 23; i++) created.push(await ask(`Paged question number ${i} ${slug}`, "", category.id));
    for (const sort of ["newest", "top"] as const) {
      const first = await listQuestions({ categoryId: category.id, sort, page: 1 });
      const second = await listQuestions({ categoryId: category.id, sort, page: 2 });
      assert.equal(first.hasMore, true);
      assert.equal(second.hasMore, false);
      assert.deepEqual([...ids(first), ...ids(second)], [...created].reverse(), sort);
    }
  });

  test("an unknown sort is the default order", () => {
    assert.equal(parseSort("active"), "active");
    assert.equal(parseSort("score desc; drop table"), "newest");
    assert.equal(parseSort(undefined), "newest");
  });
});

describe("tags", () => {
  test("the index counts live questions, most used first", async () => {
    const tags = await listTags();
    const mine = tags.findIndex((t) => t.name === tag);
    const rare = tags.findIndex((t) => t.name === rareTag);
    assert.equal(tags[mine]?.count, 4);
    assert.equal(tags[rare]?.count, 1);
    assert.ok(mine < rare);
    for (let i = 1; i < tags.length; i++) assert.ok(tags[i - 1]!.count >= tags[i]!.count, "sorted by count");
  });

  test("findTag knows exact names only", async () => {
    const found = await findTag(tag);
    assert.deepEqual(found, { id: (await db.tag.findUniqueOrThrow({ where: { name: tag } })).id, name: tag });
    assert.deepEqual(ids(await listQuestions({ tagId: found!.id })), await list("newest"));
    assert.deepEqual(await listQuestions({ tagName: `${tag}-missing` }), { questions: [], hasMore: false });
    assert.equal(await findTag(`${tag}-missing`), null);
    assert.equal(await findTag("C++' OR 1=1 --"), null);
  });
});
