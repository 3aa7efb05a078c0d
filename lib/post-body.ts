import { MARKDOWN_PIPELINE_VERSION, renderMarkdownAs } from "./markdown/render";

/** What a post stores beside its Markdown: rendered once on write, never on read. */
export async function renderPostBody(bodyMd: string) {
  const { html } = await renderMarkdownAs("post", bodyMd);
  return { bodyMd, bodyHtml: html, renderVersion: MARKDOWN_PIPELINE_VERSION };
}

/** A question's, with the excerpt that lists show. */
export async function renderQuestionBody(bodyMd: string) {
  const { html, excerpt } = await renderMarkdownAs("question", bodyMd);
  return { bodyMd, bodyHtml: html, excerpt: excerpt ?? "", renderVersion: MARKDOWN_PIPELINE_VERSION };
}
