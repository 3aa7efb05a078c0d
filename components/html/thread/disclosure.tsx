/** @jsxImportSource hono/jsx */
import type { Child } from "hono/jsx";

type Props = {
  label: Child;
  /** Where the link leads without JavaScript: the thread, rendered with this content open. */
  href: string;
  open: boolean;
  /** What the page's script focuses once the content is open. */
  focus: string;
  class?: string;
  linkClass?: string;
  children: Child;
};

/**
 * A link that opens its content in place. Closed content is not in the page at all, so a thread
 * whose every post and comment has a "Flag" and an "Add a comment" carries no closed forms.
 * Without JavaScript the link loads `href`, where the thread is rendered with it open; the page's
 * script fetches that same render and puts the post in place (lib/enhance/open-form.ts).
 */
export function LinkDisclosure({ label, href, open, focus, class: className, linkClass, children }: Props) {
  return (
    <div class={className}>
      <a href={href} class={linkClass} aria-expanded={open ? "true" : "false"} data-open-form={focus}>
        {label}
      </a>
      {open && <div>{children}</div>}
    </div>
  );
}
