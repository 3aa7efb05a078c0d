/**
 * Markup rendered by the HTML components (components/html: the site's header and footer, the
 * Follow button) placed in a React page as it is; the box is `display: contents`, so the
 * markup lays out as if React had written it, and React never touches what is inside.
 */
export function HtmlIsland({ html }: { html: string }) {
  return <div className="html-island" dangerouslySetInnerHTML={{ __html: html }} />;
}
