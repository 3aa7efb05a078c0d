/**
 * Titles and bodies for generated posts. Markdown is rendered once per pooled body through the
 * app's own pipeline; each post then gets a pooled body plus one closing paragraph of plain
 * words (no Markdown syntax), whose HTML is a plain <p>, so every row is distinct and search
 * sees varied text without rendering hundreds of thousands of bodies.
 */
import { MARKDOWN_PIPELINE_VERSION, renderCommentMarkdown, renderMarkdown, renderQuestionMarkdown } from "../../lib/markdown/pipeline";
import { pick, randInt, type Rng } from "./prng";
import { codeSnippets, commentLines, concepts, conditions, sentences, titleTemplates, topics } from "./vocab";

export type Body = { bodyMd: string; bodyHtml: string; renderVersion: number };
export type QuestionBody = Body & { excerpt: string };

// The pipeline itself, not the forum's workers: this is the generator's own trusted text.
const renderPostBody = (bodyMd: string): Body => ({ bodyMd, bodyHtml: renderMarkdown(bodyMd), renderVersion: MARKDOWN_PIPELINE_VERSION });
function renderQuestionBody(bodyMd: string): QuestionBody {
  const { html, excerpt } = renderQuestionMarkdown(bodyMd);
  return { bodyMd, bodyHtml: html, excerpt, renderVersion: MARKDOWN_PIPELINE_VERSION };
}

function fill(rng: Rng, template: string): string {
  const topic = pick(rng, topics);
  let topic2 = pick(rng, topics);
  if (topic2 === topic) topic2 = topics[(topics.indexOf(topic) + 1) % topics.length]!;
  return template
    .replaceAll("{topic}", topic)
    .replaceAll("{topic2}", topic2)
    .replaceAll("{concept}", pick(rng, concepts))
    .replaceAll("{condition}", pick(rng, conditions));
}

export function makeTitle(rng: Rng): string {
  const t = fill(rng, pick(rng, titleTemplates));
  return t.charAt(0).toUpperCase() + t.slice(1);
}

function paragraph(rng: Rng, n: number): string {
  return Array.from({ length: n }, () => fill(rng, pick(rng, sentences))).join(" ");
}

/** Markdown in the shapes people write: prose, sometimes a list, inline code or a code block. */
function makeMarkdown(rng: Rng, long: boolean): string {
  const parts = [paragraph(rng, randInt(rng, 2, 4))];
  if (rng() < 0.35) parts.push(["```sh", pick(rng, codeSnippets), "```"].join("\n"));
  if (rng() < 0.3) parts.push(Array.from({ length: randInt(rng, 2, 4) }, () => `- **${pick(rng, concepts)}**: ${fill(rng, pick(rng, sentences))}`).join("\n"));
  if (long) parts.push(`Running \`${pick(rng, codeSnippets).split(" ")[0]}\` shows it clearly. ${paragraph(rng, randInt(rng, 1, 3))}`);
  return parts.join("\n\n");
}

const plainWords = (s: string) => s.toLowerCase().replace(/[^a-z0-9 ]+/g, " ").replace(/\s+/g, " ").trim();

export type TextPools = {
  question: (rng: Rng, title: string) => QuestionBody;
  answer: (rng: Rng) => Body;
  comment: (rng: Rng) => Body;
};

export function buildPools(rng: Rng, size = 600): TextPools {
  const questions = Array.from({ length: size }, () => renderQuestionBody(makeMarkdown(rng, false)));
  const answers = Array.from({ length: size }, () => renderPostBody(makeMarkdown(rng, true)));
  const comments = Array.from({ length: 64 }, () => {
    const md = `${pick(rng, commentLines)} ${fill(rng, pick(rng, sentences))}`;
    // Marked as made by the current pipeline: the forum renders again, at start-up, every post
    // an older one made (lib/rerender-stale-posts.ts), which would run through the whole benchmark.
    return { bodyMd: md, bodyHtml: renderCommentMarkdown(md), renderVersion: MARKDOWN_PIPELINE_VERSION };
  });
  assertPlainParagraphTrick(answers[0]!);
  const withTail = (b: Body, tail: string): Body => ({
    bodyMd: `${b.bodyMd}\n\n${tail}`,
    bodyHtml: `${b.bodyHtml}\n<p>${tail}</p>`,
    renderVersion: b.renderVersion,
  });
  return {
    question: (r, title) => {
      const b = pick(r, questions);
      return { ...withTail(b, `Context: ${plainWords(title)}`), excerpt: b.excerpt };
    },
    answer: (r) => withTail(pick(r, answers), plainWords(paragraph(r, 1))),
    comment: (r) => pick(r, comments),
  };
}

/** The shortcut above must give exactly what the pipeline would: checked once per run. */
function assertPlainParagraphTrick(b: Body): void {
  const tail = "context tcp congestion control under heavy load";
  const real = renderPostBody(`${b.bodyMd}\n\n${tail}`).bodyHtml;
  if (real !== `${b.bodyHtml}\n<p>${tail}</p>`) throw new Error("Markdown output changed shape: update bench/lib/texts.ts");
}
