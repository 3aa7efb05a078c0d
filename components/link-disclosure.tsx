"use client";
import { useEffect, useRef, useState, type ReactNode } from "react";

type Props = {
  label: ReactNode;
  /** Where the link leads without JavaScript: the same page, rendered with this content open. */
  href: string;
  open: boolean;
  className?: string;
  linkClassName?: string;
  children: ReactNode;
};

/**
 * A link that opens its content in place. Closed content is not rendered at all, so a thread
 * whose every post and comment has a "Flag" and an "Add a comment" carries no closed forms
 * (they were most of a signed-in thread page's bytes and render time). Without JavaScript the
 * link loads `href`, where the server renders the content open; a form posted from there comes
 * back to the same URL, so its outcome shows in the open form.
 */
export function LinkDisclosure({ label, href, open: openAtFirst, className, linkClassName, children }: Props) {
  const [open, setOpen] = useState(openAtFirst);
  const [openedHere, setOpenedHere] = useState(false);
  const content = useRef<HTMLDivElement>(null);
  // Opened by a click or a key: take the keyboard to the first field.
  useEffect(() => {
    if (open && openedHere) content.current?.querySelector<HTMLElement>("select, input:not([type=hidden]), textarea")?.focus();
  }, [open, openedHere]);
  return (
    <div className={className}>
      <a
        href={href}
        className={linkClassName}
        aria-expanded={open}
        data-open-form=""
        onClick={(e) => {
          e.preventDefault();
          setOpen(!open);
          setOpenedHere(true);
        }}
      >
        {label}
      </a>
      {open && <div ref={content}>{children}</div>}
    </div>
  );
}
