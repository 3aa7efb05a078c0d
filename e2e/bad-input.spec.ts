import { expect, test } from "@playwright/test";

// Every address a person or a crawler could mangle: NUL bytes, broken percent-encoding, half a
// surrogate pair, ids that are not ids, names too long or of characters no name holds.
const addresses = [
  "/tags/%00",
  "/tags/a%00b",
  "/categories/%00",
  "/users/%00",
  "/users/a%00",
  "/search?q=%00",
  "/search?q=a%00b&page=2",
  "/questions/%00",
  "/questions/1/%00",
  "/tags/%E0%A4%A",
  "/users/%C0%AF",
  "/categories/%ED%A0%80",
  "/search?q=%ED%A0%80",
  "/search?q=%FF%FE",
  "/questions/abc",
  "/questions/0",
  "/questions/-1",
  "/questions/99999999999999999999",
  "/questions/1e3",
  "/edit/questions/abc",
  "/edit/questions/99999999999",
  "/edit/answers/-4",
  "/history/questions/abc",
  "/history/questions/0x10",
  "/history/answers/99999999999999",
  "/history/answers/%00",
  `/users/${"x".repeat(5000)}`,
  `/tags/${"y".repeat(5000)}`,
  `/categories/${"z".repeat(5000)}`,
  `/search?q=${"q".repeat(5000)}`,
  "/?page=-1",
  "/?page=abc",
  "/?page=1e308",
  "/tags?page=%00",
  "/leaderboard?page=999999999999",
  "/bounties?page=NaN",
  "/tags/tcp?page=-3",
  "/categories/nope?sort=%00",
];

test("a mangled address is a 404 or a clear 400, never a 500", async ({ request }) => {
  const failures: string[] = [];
  for (const address of addresses) {
    const res = await request.get(address, { maxRedirects: 0 });
    const status = res.status();
    if (![200, 301, 302, 303, 307, 308, 400, 404].includes(status)) failures.push(`${address.slice(0, 60)} -> ${status}`);
    if (status === 400) expect(await res.text(), address).toMatch(/\w/);
  }
  expect(failures).toEqual([]);
});

test("mangled posts to the forum's routes are refused with 4xx, never a 500", async ({ request }) => {
  const posts: [string, Record<string, string>][] = [
    ["/api/votes", { postType: "answer", postId: "%00", direction: "up" }],
    ["/api/votes", { postType: "\u0000", postId: "1", direction: "up" }],
    ["/api/thread-actions/flag", { postType: "question", postId: "1\u0000", reason: "SPAM" }],
    ["/api/thread-actions/pick-best", { answerId: "99999999999999999999" }],
    ["/api/thread-actions/nope", { x: "1" }],
    ["/api/follow", { target: "tag", name: "a\u0000b" }],
    ["/api/questions/abc/answers", { body: "An answer long enough to count." }],
    ["/api/questions/1/answers", { body: "\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000" }],
  ];
  const failures: string[] = [];
  for (const [path, form] of posts) {
    const res = await request.post(path, { form, maxRedirects: 0 });
    if (res.status() >= 500) failures.push(`${path} ${JSON.stringify(form)} -> ${res.status()}`);
  }
  expect(failures).toEqual([]);
});
