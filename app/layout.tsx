import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SITE_DESCRIPTION, SITE_NAME } from "@/components/html/document";
import { SiteFooter, SiteHeader } from "@/components/html/site-chrome";
import { HtmlIsland } from "@/components/html-island";
import { forumAssets } from "@/lib/assets";
import { getCurrentUser } from "@/lib/auth/current-user";
import { newestQuestionsFeedPath } from "@/lib/web/web-paths";

export const metadata: Metadata = {
  title: { default: SITE_NAME, template: `%s · ${SITE_NAME}` },
  description: SITE_DESCRIPTION,
  // The same icons and feed the thread pages link (components/html/document.tsx).
  icons: { icon: [{ url: "/favicon.ico", sizes: "32x32" }, { url: "/icon.svg", type: "image/svg+xml" }], apple: "/apple-touch-icon.png" },
  alternates: { types: { "application/atom+xml": [{ url: newestQuestionsFeedPath, title: `Newest questions · ${SITE_NAME}` }] } },
};

export const viewport: Viewport = {
  colorScheme: "light dark",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#14161a" },
  ],
};

/**
 * The frame of React's pages. The header and footer are the HTML components every page uses
 * (components/html/site-chrome.tsx), the thread pages, written outside React, included; the
 * stylesheet is the one scripts/build-forum.mjs builds for all of them.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  return (
    <html lang="en">
      <head>
        <link rel="stylesheet" href={forumAssets().stylesheet} />
        {/* A member's header stays live (unread count, points): lib/enhance/live-entry.ts. */}
        {user && forumAssets().liveScript && <script src={forumAssets().liveScript} defer />}
      </head>
      <body>
        <HtmlIsland html={String(SiteHeader({ member: user }))} />
        <main id="main" className="page">
          {children}
        </main>
        <HtmlIsland html={String(SiteFooter())} />
      </body>
    </html>
  );
}
