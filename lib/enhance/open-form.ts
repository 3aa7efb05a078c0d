import { startPreviews } from "./editor";

const FIELD = "select, input:not([type=hidden]), textarea";

/**
 * "Flag" and "Add a comment" on a plain page. Their forms are not in the page until opened (the
 * link names the URL that renders one open: lib/open-forms.ts), so a click fetches that page and
 * puts its version of the post in place of this one, then takes the keyboard to the first field;
 * if that fails, the browser follows the link. A form already open is shown or hidden.
 */
export function openForm(link: HTMLAnchorElement, e: MouseEvent): void {
  if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  const content = link.nextElementSibling as HTMLElement | null;
  if (link.getAttribute("aria-expanded") === "true" && content) {
    content.hidden = !content.hidden;
    link.setAttribute("aria-expanded", String(!content.hidden));
    if (!content.hidden) content.querySelector<HTMLElement>(FIELD)?.focus();
    return;
  }
  const href = link.getAttribute("href")!;
  const post = link.closest("article");
  if (!post || link.dataset.loading) return;
  link.dataset.loading = "";
  link.setAttribute("aria-busy", "true");
  fetch(href, { headers: { accept: "text/html" } })
    .then((res) => (res.ok && res.url.split("#")[0] === new URL(href, location.href).href.split("#")[0] ? res.text() : Promise.reject(new Error(String(res.status)))))
    .then((html) => {
      const fresh = counterpart(new DOMParser().parseFromString(html, "text/html"), post);
      if (!fresh) throw new Error("post not found");
      const placed = document.importNode(fresh, true);
      post.replaceWith(placed);
      startPreviews(placed);
      focusOpenForm(placed, href);
    })
    .catch(() => location.assign(href));
}

/** The same post in another render of the thread: an answer by its id, else the question. */
function counterpart(doc: Document, post: Element): Element | null {
  return post.id ? doc.getElementById(post.id) : doc.querySelector("article.question");
}

/** Focuses the first field of the form `href` opens, if `root` shows it. */
export function focusOpenForm(root: ParentNode, href: string): void {
  const link = root.querySelector<HTMLAnchorElement>(`a[data-open-form][href="${CSS.escape(href)}"]`);
  const content = link?.getAttribute("aria-expanded") === "true" ? link.nextElementSibling : null;
  content?.querySelector<HTMLElement>(FIELD)?.focus();
}
