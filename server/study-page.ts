/**
 * The study sheet's pages, served by the front door like the thread page (server/thread-page.ts):
 *   /study/<id>            the print view (components/html/study/study-sheet-page.tsx)
 *   /study/<id>.pdf        the same as a PDF made here (lib/study/pdf), ?paper=letter for Letter
 *   /study/<id>/quiz       the quiz; with ?check=1 and the answers, marked by the server
 * All from the thread's shared data (lib/data/thread-cache.ts) as every reader sees it. The
 * sheet's HTML for signed-out readers is kept per thread version (a write replaces the shared
 * value, and with it what is kept here); PDFs are kept by version (lib/study/pdf-cache.ts).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { StudyQuizPage } from "../components/html/study/study-quiz-page";
import { StudySheetPage } from "../components/html/study/study-sheet-page";
import { forumAssets } from "../lib/assets";
import { findSessionMember, type SessionMember } from "../lib/auth/session-member";
import { cookieJar, readSessionToken } from "../lib/auth/session-token";
import { loadPublicThread, type PublicThread } from "../lib/data/thread-cache";
import { studyPdf } from "./study-pdf";
import { gradeQuiz } from "../lib/study/quiz";
import { studySheetFor } from "../lib/study/sheet";
import { hasSessionCookie, type Handler } from "./anonymous-cache";
import { contentSecurityPolicyFor } from "./security-headers";
import { answerPageFailure } from "./unavailable";

// The sheet repeats the thread: search engines should send readers to the thread itself.
const NOT_INDEXED = "noindex";
const STUDY_PATH = /^\/study\/([1-9]\d{0,8})(\.pdf|\/quiz)?\/?$/;
export const isStudyPath = (pathname: string) => pathname.startsWith("/study/");

// Signed-out readers' sheet and blank quiz, per thread version.
const keptPages = new WeakMap<PublicThread, Map<string, Buffer>>();

function keptPage(shared: PublicThread, key: string, render: () => string): Buffer {
  let pages = keptPages.get(shared);
  if (!pages) keptPages.set(shared, (pages = new Map()));
  let html = pages.get(key);
  if (!html) pages.set(key, (html = Buffer.from(render())));
  return html;
}

async function readerOf(req: IncomingMessage): Promise<SessionMember | null> {
  if (!hasSessionCookie(req)) return null;
  const session = await readSessionToken(cookieJar(req.headers.cookie));
  return session ? findSessionMember(session.uid, session.sv) : null;
}

function sendHtml(req: IncomingMessage, res: ServerResponse, html: Buffer, reader: SessionMember | null): void {
  res.statusCode = 200;
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  res.setHeader("Cache-Control", reader ? "private, no-store" : "no-cache");
  res.setHeader("X-Robots-Tag", NOT_INDEXED);
  res.setHeader("Content-Security-Policy", contentSecurityPolicyFor(html));
  res.setHeader("Content-Length", html.length);
  res.end(req.method === "HEAD" ? undefined : html);
}

/** The forum's address as the reader reached it, for the PDF to print links with. */
function originOf(req: IncomingMessage): string {
  const host = String(req.headers.host ?? "");
  const safeHost = /^[a-z0-9.-]+(?::\d{1,5})?$/i.test(host) ? host.toLowerCase() : "localhost";
  const https = req.headers["x-forwarded-proto"] === "https" || (req.socket as { encrypted?: boolean }).encrypted;
  return `${https ? "https" : "http"}://${safeHost}`;
}

async function sendPdf(req: IncomingMessage, res: ServerResponse, url: URL, shared: PublicThread): Promise<void> {
  const sheet = studySheetFor(shared);
  const paper = url.searchParams.get("paper") === "letter" ? "letter" : "a4";
  const origin = originOf(req);
  const etag = `"${sheet.version}-${paper}-${Buffer.from(origin).toString("base64url")}"`;
  res.setHeader("ETag", etag);
  res.setHeader("Cache-Control", "no-cache");
  if (req.headers["if-none-match"] === etag) {
    res.statusCode = 304;
    return void res.end();
  }
  const pdf = await studyPdf(sheet, paper, origin);
  const { question } = sheet;
  res.statusCode = 200;
  res.setHeader("Content-Type", "application/pdf");
  res.setHeader("X-Robots-Tag", NOT_INDEXED);
  res.setHeader("Content-Disposition", `inline; filename="study-sheet-${question.id}-${question.slug.replace(/[^a-z0-9-]/gi, "").slice(0, 60) || "thread"}.pdf"`);
  res.setHeader("Content-Length", pdf.length);
  res.end(req.method === "HEAD" ? undefined : pdf);
}

async function serveStudyPage(req: IncomingMessage, res: ServerResponse, url: URL, notFound: Handler): Promise<void> {
  const match = STUDY_PATH.exec(url.pathname);
  if (!match) return notFound(req, res);
  const shared = await loadPublicThread(Number(match[1]), "votes");
  if (!shared) return notFound(req, res);
  if (match[2] === ".pdf") return sendPdf(req, res, url, shared);

  const reader = await readerOf(req);
  const assets = forumAssets();
  const sheet = studySheetFor(shared);
  const here = url.pathname;
  if (match[2] === "/quiz") {
    // Marked answers are the reader's own: rendered each time, never kept.
    if (url.searchParams.get("check") === "1") {
      const score = gradeQuiz(sheet.quiz, url.searchParams);
      return sendHtml(req, res, Buffer.from(String(StudyQuizPage({ sheet, score, assets, reader, here }))), reader);
    }
    const render = () => String(StudyQuizPage({ sheet, score: null, assets, reader, here }));
    return sendHtml(req, res, reader ? Buffer.from(render()) : keptPage(shared, "quiz", render), reader);
  }
  const render = () => String(StudySheetPage({ sheet, assets, reader, here }));
  return sendHtml(req, res, reader ? Buffer.from(render()) : keptPage(shared, "sheet", render), reader);
}

/** A request for a /study/ path: GET and HEAD only, like every page. */
export async function serveStudy(req: IncomingMessage, res: ServerResponse, url: URL, notFound: Handler): Promise<void> {
  if (req.method !== "GET" && req.method !== "HEAD") return notFound(req, res);
  res.setHeader("X-Forum-Cache", "BYPASS");
  try {
    await serveStudyPage(req, res, url, notFound);
  } catch (err) {
    answerPageFailure(res, url, err);
  }
}
