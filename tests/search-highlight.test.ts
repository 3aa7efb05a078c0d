import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { db } from "../lib/db";
import { highlightAll, searchTerms, snippet } from "../lib/search-highlight";
import { closeTestDatabase, openTestDatabase } from "./helpers/db";

before(openTestDatabase);
after(closeTestDatabase);

const marked = (html: string) => [...html.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => m[1]);

/** The terms exactly as a search builds them: the database parses what was typed. */
async function termsFor(typed: string) {
  const [row] = await db.$queryRaw<{ query: string }[]>`SELECT websearch_to_tsquery('english', ${typed})::text AS "query"`;
  return searchTerms(row!.query, typed);
}

test("marks every form of a searched word, and only words searched for", async () => {
  const terms = await termsFor("retransmission buffers");
  assert.equal(
    highlightAll("Retransmissions fill the buffer; retransmitting is rarer", terms),
    "<mark>Retransmissions</mark> fill the <mark>buffer</mark>; retransmitting is rarer",
  );
});

test("escapes everything the author wrote; <mark> is the only markup", async () => {
  const terms = await termsFor("script");
  const html = highlightAll(`<script>alert("x")</script> & 'script' <img src=x onerror=alert(1)>`, terms);
  assert.equal(html, `&lt;<mark>script</mark>&gt;alert(&quot;x&quot;)&lt;/<mark>script</mark>&gt; &amp; &#39;<mark>script</mark>&#39; &lt;img src=x onerror=alert(1)&gt;`);
  assert.doesNotMatch(html.replace(/<\/?mark>/g, ""), /[<>]/);
});

test("hyphenated words, words with digits, paths and addresses are marked as the index holds them", async () => {
  assert.deepEqual(marked(highlightAll("Tune keep-alive probes, or keep them alive longer", await termsFor("keep-alive"))), ["keep", "alive", "keep", "alive"]);
  assert.deepEqual(marked(highlightAll("IPv6 only, not IPv4", await termsFor("ipv6"))), ["IPv6"]);
  assert.deepEqual(marked(highlightAll("Slow I/O on 10.0.0.2 and at example.com", await termsFor("i/o 10.0.0.2"))), ["I/O", "10.0.0.2"]);
});

test("excluded words and stop words are not marked", async () => {
  assert.deepEqual(marked(highlightAll("tcp or udp over the wire", await termsFor("tcp or udp -wire"))), ["tcp", "udp"]);
  assert.deepEqual(marked(highlightAll("a quic stream over the lossy link", await termsFor(`quic -"lossy link"`))), ["quic"]);
  assert.deepEqual(searchTerms("", "the of and"), new Set());
  // Spacing in the tsquery text does not move what the negation covers.
  assert.deepEqual(searchTerms("'tcp' & ! 'udp' & !( 'a' | 'b' ) & 'c'", ""), new Set(["tcp", "c"]));
});

test("a word is marked where the database's stemmer and Porter2 disagree", async () => {
  // PostgreSQL 18 stems "adding" to 'add', Porter2 (and PostgreSQL 15) to 'ad'.
  assert.deepEqual(marked(highlightAll("Adding a route", searchTerms("'add'", "adding"))), ["Adding"]);
});

test("a snippet: thirty words around the most matches, cut with an ellipsis, whitespace collapsed", async () => {
  const terms = await termsFor("jitter");
  const filler = (n: number, w: string) => Array.from({ length: n }, (_, i) => `${w}${i}`).join(" ");
  const body = `${filler(40, "intro")}\n\nThe jitter\tgrows. ${filler(16, "mid")} jitter and jitter again. ${filler(40, "tail")}`;
  const html = snippet(body, terms);
  // From five words before the first of three matches that fit together.
  assert.match(html, /^… intro36 intro37 intro38 intro39 The <mark>jitter<\/mark> grows\. mid0 /);
  assert.match(html, /<mark>jitter<\/mark> and <mark>jitter<\/mark> again\. tail0 tail1 tail2 …$/);
  assert.equal(marked(html).length, 3);
  assert.equal(html.replace(/^… | …$/g, "").replace(/<\/?mark>/g, "").split(" ").length, 30);
  // The first stretch of equals wins, with a few words before the match.
  const early = snippet(`${filler(10, "a")} jitter ${filler(60, "b")} jitter`, terms);
  assert.match(early, /^… a5 a6 a7 a8 a9 <mark>jitter<\/mark> b0/);
});

test("a snippet without a match is the text's beginning; a short text is shown whole", async () => {
  const terms = await termsFor("jitter");
  assert.equal(snippet("Short   body\nwith no match.", terms), "Short body with no match.");
  const long = Array.from({ length: 50 }, (_, i) => `w${i}`).join(" ");
  assert.equal(snippet(long, terms), `${long.split(" ").slice(0, 30).join(" ")} …`);
  assert.equal(snippet("", terms), "");
  assert.equal(snippet("*** ---", terms), "");
});

test("marks the words ts_headline marks, on posts of every kind of token", async () => {
  const texts = [
    "Why does TCP window scaling matter for high-latency links? Windows scale; scaling windows helps.",
    "Our proxy drops keep-alive probes after 60 seconds: the load balancer's idle timeout is 3600 ms.",
    "Connections to example.com:443 over IPv6 fail with ECONNRESET, but IPv4 works; see /var/log/syslog.",
    "Caching, cached, caches and the cache itself: PostgreSQL's planner (v15) estimates badly.",
  ];
  for (const typed of ["window scaling", "keep-alive timeout", "ipv6 econnreset", "caching planner estimates", "proxy seconds"]) {
    const [row] = await db.$queryRaw<{ query: string }[]>`SELECT websearch_to_tsquery('english', ${typed})::text AS "query"`;
    const terms = searchTerms(row!.query, typed);
    for (const text of texts) {
      const [pg] = await db.$queryRaw<{ h: string }[]>`
        SELECT ts_headline('english', ${text}, websearch_to_tsquery('english', ${typed}), 'HighlightAll=true, StartSel=<mark>, StopSel=</mark>') AS "h"`;
      assert.deepEqual(marked(highlightAll(text, terms)), marked(pg!.h), `"${typed}" in "${text}"`);
    }
  }
});
