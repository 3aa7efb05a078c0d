/**
 * Atom feeds (RFC 4287): the newest questions, the newest questions of a tag, and a question's
 * answers. Built from values with lib/web/xml.ts, so every title, name and post is escaped.
 */
import { SITE_NAME } from "@/components/html/document";
import { answerPath, questionPath, tagPath, userPath } from "../paths";
import { htmlToText, truncateText } from "./html-text";
import { absoluteUrl, siteOrigin } from "./site-url";
import { answersFeedPath, newestQuestionsFeedPath, tagFeedPath } from "./web-paths";
import { el, renderXml, type XmlNode } from "./xml";

type Author = { username: string };
export type FeedQuestion = {
  id: number;
  slug: string;
  title: string;
  bodyHtml: string;
  createdAt: Date;
  updatedAt: Date;
  author: Author;
  category: { name: string };
  tags: { tag: { name: string } }[];
};
export type FeedAnswer = { id: number; bodyHtml: string; createdAt: Date; updatedAt: Date; author: Author };

const author = (a: Author) => el("author", {}, el("name", {}, a.username), el("uri", {}, absoluteUrl(userPath(a.username))));
const latest = (dates: Date[], fallback: Date) => new Date(Math.max(fallback.getTime(), ...dates.map((d) => d.getTime())));

function feed({ selfPath, pagePath, title, subtitle, updated, entries }: { selfPath: string; pagePath: string; title: string; subtitle: string; updated: Date; entries: XmlNode[] }): string {
  return renderXml(
    el(
      "feed",
      { xmlns: "http://www.w3.org/2005/Atom", "xml:base": `${siteOrigin()}/` },
      el("id", {}, absoluteUrl(selfPath)),
      el("title", {}, title),
      el("subtitle", {}, subtitle),
      el("updated", {}, updated.toISOString()),
      el("link", { rel: "self", type: "application/atom+xml", href: absoluteUrl(selfPath) }),
      el("link", { rel: "alternate", type: "text/html", href: absoluteUrl(pagePath) }),
      el("generator", {}, SITE_NAME),
      entries,
    ),
  );
}

function questionEntry(q: FeedQuestion): XmlNode {
  const url = absoluteUrl(questionPath(q));
  return el(
    "entry",
    {},
    el("id", {}, url),
    el("title", {}, q.title),
    el("link", { rel: "alternate", type: "text/html", href: url }),
    el("published", {}, q.createdAt.toISOString()),
    el("updated", {}, q.updatedAt.toISOString()),
    author(q.author),
    el("category", { term: q.category.name }),
    q.tags.map((t) => el("category", { term: t.tag.name, scheme: absoluteUrl("/tags/") })),
    el("summary", {}, truncateText(htmlToText(q.bodyHtml), 300)),
    el("content", { type: "html" }, q.bodyHtml),
  );
}

/** The newest questions (all, or with one tag). */
export function questionsFeed(questions: FeedQuestion[], tagName?: string): string {
  const epoch = new Date(0);
  return feed({
    selfPath: tagName === undefined ? newestQuestionsFeedPath : tagFeedPath(tagName),
    pagePath: tagName === undefined ? "/" : tagPath(tagName),
    title: tagName === undefined ? `Newest questions · ${SITE_NAME}` : `Questions tagged ${tagName} · ${SITE_NAME}`,
    subtitle: tagName === undefined ? "The newest questions asked on the forum." : `The newest questions tagged ${tagName}.`,
    updated: latest(questions.map((q) => q.updatedAt), epoch),
    entries: questions.map(questionEntry),
  });
}

/** A question's answers, newest first. */
export function answersFeed(question: FeedQuestion & { bestAnswerId: number | null }, answers: FeedAnswer[]): string {
  return feed({
    selfPath: answersFeedPath(question.id),
    pagePath: questionPath(question),
    title: `Answers to “${question.title}” · ${SITE_NAME}`,
    subtitle: truncateText(htmlToText(question.bodyHtml), 300) || question.title,
    updated: latest(answers.map((a) => a.updatedAt), question.updatedAt),
    entries: answers.map((a) => {
      const url = absoluteUrl(answerPath(question, a.id));
      return el(
        "entry",
        {},
        el("id", {}, url),
        el("title", {}, `${a.id === question.bestAnswerId ? "Best answer" : "Answer"} by ${a.author.username}`),
        el("link", { rel: "alternate", type: "text/html", href: url }),
        el("published", {}, a.createdAt.toISOString()),
        el("updated", {}, a.updatedAt.toISOString()),
        author(a.author),
        el("content", { type: "html" }, a.bodyHtml),
      );
    }),
  });
}
