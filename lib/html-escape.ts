const escapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text and attribute values for HTML built as strings (search highlights, prebuilt posts). */
export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => escapes[c]!);
}
