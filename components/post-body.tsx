/** HTML that lib/markdown rendered and sanitized when the post was written. */
export function PostBody({ html }: { html: string }) {
  return <div className="prose" dangerouslySetInnerHTML={{ __html: html }} />;
}
