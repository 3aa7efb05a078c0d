/** @jsxImportSource hono/jsx */
import type { Child } from "hono/jsx";
import type { ForumAssets } from "@/lib/assets";
import { Document } from "./document";
import type { HeaderMember } from "./site-chrome";

type Props = { heading: string; message: string; back: string; form?: Child; assets: ForumAssets; member: HeaderMember | null };

/**
 * Why a form posted without JavaScript was refused, on a page of its own: the reason, the same
 * form again with what was typed in it (nothing typed is lost), and the way back to the thread.
 * The page's script sends the same forms in place and shows the reason by the form instead.
 */
export function RefusalPage({ heading, message, back, form, assets, member }: Props) {
  return (
    <Document title={heading} assets={assets} member={member} withScript={member !== null}>
      <h1>{heading}</h1>
      <p role="alert">{message}</p>
      {form}
      <p>
        <a href={back}>Back to the question</a>
      </p>
    </Document>
  );
}
