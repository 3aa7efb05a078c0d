import { excerptFromMarkdown, MARKDOWN_PIPELINE_VERSION, renderMarkdown } from "./markdown";

/** What a post stores beside its Markdown: rendered once on write, never on read. */
export function renderPostBody(bodyMd: string) {
  return {
    bodyMd,
    bodyHtml: renderMarkdown(bodyMd),
    renderVersion: MARKDOWN_PIPELINE_VERSION,
  };
}

export function renderQuestionBody(bodyMd: string) {
  return { ...renderPostBody(bodyMd), excerpt: excerptFromMarkdown(bodyMd, 220) };
}
