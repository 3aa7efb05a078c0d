/**
 * The thread shown again in place after a change made from it (a comment, a pick, a lock): the
 * page at `url` is fetched, as the server renders it for this member, and its thread replaces
 * this one, without a reload. What the member is still typing elsewhere on the page (an answer,
 * another comment) stays: fields of the new thread get back the text their namesakes held,
 * except the form just sent, whose text has been posted. If anything fails, the page loads.
 */
const THREAD = "main .thread";
let refreshing = 0;
export const THREAD_REPLACED = "forum:thread-replaced";

/** Whether the thread is being fetched to be shown again (live-thread.ts waits for it). */
export const threadRefreshing = () => refreshing > 0;

export async function refreshThread(url: string, sent: HTMLFormElement | null): Promise<void> {
  const target = new URL(url, location.href);
  refreshing++;
  let counted = true;
  try {
    const res = await fetch(target.pathname + target.search, { headers: { accept: "text/html" } });
    if (!res.ok) throw new Error(String(res.status));
    const fresh = new DOMParser().parseFromString(await res.text(), "text/html").querySelector(THREAD);
    const current = document.querySelector(THREAD);
    if (!fresh || !current) throw new Error("no thread");
    const typed = keptText(current, sent);
    const placed = document.importNode(fresh, true);
    current.replaceWith(placed);
    refreshing--;
    counted = false;
    for (const [id, value] of typed) {
      const field = document.getElementById(id);
      if (field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement) field.value = value;
    }
    // The page's script starts the new thread's previews (thread-page.ts); live-thread.ts looks again.
    document.dispatchEvent(new CustomEvent<Element>(THREAD_REPLACED, { detail: placed }));
    if (target.pathname !== location.pathname || target.search !== location.search || target.hash !== location.hash) history.replaceState(history.state, "", target.href);
    if (target.hash) document.getElementById(decodeURIComponent(target.hash.slice(1)))?.scrollIntoView({ block: "nearest" });
  } catch {
    location.assign(target.href);
  } finally {
    if (counted) refreshing--;
  }
}

/** Text typed into the thread's fields, by id, except the sent form's. */
function keptText(thread: Element, sent: HTMLFormElement | null): Map<string, string> {
  const typed = new Map<string, string>();
  for (const field of thread.querySelectorAll<HTMLTextAreaElement | HTMLInputElement>("textarea[id], input[id]:not([type=hidden])")) {
    if (field.form === sent || field.value === field.defaultValue) continue;
    typed.set(field.id, field.value);
  }
  return typed;
}
