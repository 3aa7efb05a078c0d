/** @jsxImportSource hono/jsx */
/**
 * What a thread page tells search engines, feed readers and link previews, in its head: the
 * canonical address, Open Graph and Twitter card tags with the question's preview image
 * (server/og-image.ts draws it), the answers' feed, and the QAPage JSON-LD. Built once per
 * thread version (the shared value a write replaces) and reused by every reader's render.
 */
import { raw } from "hono/html";
import { questionPath } from "@/lib/paths";
import { jsonForScript, qaPageJsonLd } from "@/lib/web/qa-page-json-ld";
import { absoluteUrl } from "@/lib/web/site-url";
import { answersFeedPath, questionImagePath } from "@/lib/web/web-paths";
import { SITE_NAME } from "../document";
import type { PublicThread } from "./model";

const kept = new WeakMap<PublicThread, string>();

export function threadHeadHtml(shared: PublicThread, description: string): string {
  let html = kept.get(shared);
  if (html === undefined) kept.set(shared, (html = String(<ThreadHead shared={shared} description={description} />)));
  return html;
}

function ThreadHead({ shared, description }: { shared: PublicThread; description: string }) {
  const { question, answers } = shared.thread;
  const visible = answers.filter((a) => !a.hiddenAt);
  const canonical = absoluteUrl(questionPath(question));
  const image = absoluteUrl(questionImagePath(question));
  const commentCount = (list: { hiddenAt?: Date | null }[] | undefined) => (list ?? []).filter((c) => !c.hiddenAt).length;
  const jsonLd = qaPageJsonLd({
    question,
    answers: visible,
    answerCount: visible.length,
    commentCounts: {
      question: commentCount(shared.comments.question),
      answers: Object.fromEntries(visible.map((a) => [a.id, commentCount(shared.comments.answers[a.id])])),
    },
  });
  return (
    <>
      <link rel="canonical" href={canonical} />
      <link rel="alternate" type="application/atom+xml" title={`Answers to “${question.title}”`} href={answersFeedPath(question.id)} />
      <meta property="og:type" content="article" />
      <meta property="og:site_name" content={SITE_NAME} />
      <meta property="og:title" content={question.title} />
      <meta property="og:description" content={description} />
      <meta property="og:url" content={canonical} />
      <meta property="og:image" content={image} />
      <meta property="og:image:width" content="1200" />
      <meta property="og:image:height" content="630" />
      <meta property="og:image:alt" content={question.title} />
      <meta name="twitter:card" content="summary_large_image" />
      <meta name="twitter:title" content={question.title} />
      <meta name="twitter:description" content={description} />
      <meta name="twitter:image" content={image} />
      <script type="application/ld+json">{raw(jsonForScript(jsonLd))}</script>
    </>
  );
}
