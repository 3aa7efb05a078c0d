/** @jsxImportSource hono/jsx */
import { forumAssets, type ForumAssets } from "@/lib/assets";
import { Document } from "./document";

/** What every page says while the database server does not answer (server/unavailable.ts). */
export function UnavailablePage({ assets }: { assets: ForumAssets }) {
  return (
    <Document title="Temporarily unavailable" assets={assets} member={null} withScript={false}>
      <h1>The forum is temporarily unavailable</h1>
      <p role="alert">Its database does not answer right now. Nothing you posted before is lost; try again in a few seconds.</p>
      <p>
        <a href="/">Try the home page</a>
      </p>
    </Document>
  );
}

/** The page's bytes, also put in place of a 500 the database's absence caused (server/html-capture.ts). */
export const unavailablePageHtml = () => Buffer.from(String(UnavailablePage({ assets: forumAssets() })));
