/** @jsxImportSource hono/jsx */
/**
 * A whole page served outside React (the thread pages): the head, with the site's one
 * stylesheet and, for members, the page's one script (lib/assets.ts has their built names),
 * and the site's header and footer around the page's content.
 */
import type { Child } from "hono/jsx";
import { raw } from "hono/html";
import type { ForumAssets } from "@/lib/assets";
import { newestQuestionsFeedPath } from "@/lib/web/web-paths";
import { SiteFooter, SiteHeader, type HeaderMember } from "./site-chrome";

export const SITE_NAME = "Packets & Pointers";
export const SITE_DESCRIPTION = "Questions and answers on networking and computer science.";

/** "Title · Packets & Pointers", as React's pages are titled (app/layout.tsx). */
export const pageTitle = (title?: string) => (title ? `${title} · ${SITE_NAME}` : SITE_NAME);

type Props = {
  title?: string;
  description?: string;
  assets: ForumAssets;
  member: HeaderMember | null;
  /** The page's own path, for "Log in" to come back to. */
  here?: string;
  /** Members' pages run the forum's script (lib/enhance); signed-out readers' need none. */
  withScript: boolean;
  /** Without the forum's script: the small one that keeps a thread live (lib/enhance/live-entry.ts). */
  live?: boolean;
  /** The page's own head elements (canonical, Open Graph, JSON-LD), already rendered. */
  head?: string;
  children: Child;
};

export function Document({ title, description = SITE_DESCRIPTION, assets, member, here, withScript, live = false, head, children }: Props) {
  return (
    <>
      {raw("<!DOCTYPE html>")}
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{pageTitle(title)}</title>
          <meta name="description" content={description} />
          <meta name="color-scheme" content="light dark" />
          <meta name="theme-color" media="(prefers-color-scheme: light)" content="#ffffff" />
          <meta name="theme-color" media="(prefers-color-scheme: dark)" content="#14161a" />
          {siteLinks}
          {head && raw(head)}
          <link rel="stylesheet" href={assets.stylesheet} />
          {withScript ? <script src={assets.script} defer /> : live && assets.liveScript && <script src={assets.liveScript} defer />}
        </head>
        <body>
          <SiteHeader member={member} here={here} />
          <main id="main" class="page">
            {children}
          </main>
          <SiteFooter />
        </body>
      </html>
    </>
  );
}

/**
 * The site's icons (server/site-icons.ts draws them, as React's pages link them too:
 * app/layout.tsx) and its newest-questions feed, rendered once. hono/jsx hoists a <link> into
 * the head even when it is written there (it checks the head only for <title>, <meta> and
 * <script>): each one replaced its own text in the whole page and put it back before </head>,
 * which cost a signed-in thread read a tenth of its time. Rendered on their own, with no
 * </head> in sight, they stay where they are written.
 */
const siteLinks = raw(
  String(
    <>
      <link rel="icon" href="/favicon.ico" sizes="32x32" />
      <link rel="icon" href="/icon.svg" type="image/svg+xml" />
      <link rel="apple-touch-icon" href="/apple-touch-icon.png" />
      <link rel="alternate" type="application/atom+xml" title={`Newest questions · ${SITE_NAME}`} href={newestQuestionsFeedPath} />
    </>,
  ),
);
