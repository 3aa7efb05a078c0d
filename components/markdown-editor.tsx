"use client";

import { useEffect, useId, useState, useSyncExternalStore } from "react";
import { limits } from "@/lib/rules";
import styles from "./markdown-editor.module.css";

type MarkdownKind = "post" | "comment";

type MarkdownEditorProps = {
  name: string;
  label: string;
  defaultValue?: string;
  minLength?: number;
  maxLength?: number;
  rows?: number;
  /** Id of the element showing this field's validation errors, if any. */
  errorId?: string;
  required?: boolean;
  kind?: MarkdownKind;
};

type Preview = { html: string } | { error: string } | null;

const PREVIEW_DELAY_MS = 250;

const subscribeNever = () => () => {};

/** True once hydrated: without JavaScript there is no preview, so none is promised. */
function useHydrated(): boolean {
  return useSyncExternalStore(subscribeNever, () => true, () => false);
}

async function fetchPreview(markdown: string, kind: MarkdownKind, signal: AbortSignal): Promise<Preview> {
  const res = await fetch("/api/preview", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ markdown, kind }),
    signal,
  });
  const data = (await res.json().catch(() => ({}))) as { html?: unknown; error?: unknown };
  if (res.ok && typeof data.html === "string") return { html: data.html };
  return { error: typeof data.error === "string" ? data.error : "The preview is unavailable right now." };
}

/**
 * A plain textarea (it submits with the form, JavaScript or not) plus a live preview rendered
 * by the server's Markdown pipeline, so the preview matches the stored post exactly.
 */
export function MarkdownEditor({
  name,
  label,
  defaultValue = "",
  minLength,
  maxLength = limits.bodyMax,
  rows = 10,
  errorId,
  required,
  kind = "post",
}: MarkdownEditorProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const hydrated = useHydrated();
  const [value, setValue] = useState(defaultValue);
  const [preview, setPreview] = useState<Preview>(null);
  const isEmpty = value.trim() === "";

  useEffect(() => {
    if (isEmpty) return;
    // Cleanup aborts the request, so an older response can never overwrite a newer one.
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetchPreview(value, kind, controller.signal)
        .then((next) => {
          if (!controller.signal.aborted) setPreview(next);
        })
        .catch(() => {
          if (!controller.signal.aborted) setPreview({ error: "The preview is unavailable right now." });
        });
    }, PREVIEW_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [value, kind, isEmpty]);

  const describedBy = [hintId, errorId].filter(Boolean).join(" ");
  const over = value.length > maxLength;

  return (
    <div className={styles.editor}>
      <div className={styles.write}>
        <label htmlFor={id} className={styles.label}>
          {label}
        </label>
        <textarea
          id={id}
          name={name}
          className={styles.textarea}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          rows={rows}
          minLength={minLength}
          maxLength={maxLength}
          required={required}
          aria-describedby={describedBy}
          spellCheck
        />
        <div className={styles.meta}>
          <p id={hintId} className={styles.hint}>
            Markdown: **bold**, `code`, lists, tables, [links](https://…)
          </p>
          <span className={over ? `${styles.counter} ${styles.counterOver}` : styles.counter}>
            {value.length.toLocaleString("en-US")} / {maxLength.toLocaleString("en-US")}
          </span>
        </div>
      </div>
      {hydrated && (
        <section className={styles.preview} aria-label="Live preview">
          <p className={styles.previewTitle} aria-hidden="true">
            Preview
          </p>
          <div aria-live="polite" aria-label="Preview">
            {isEmpty ? (
              <p className={styles.previewEmpty}>Nothing to preview yet.</p>
            ) : preview === null ? (
              <p className={styles.previewEmpty}>Rendering preview…</p>
            ) : "error" in preview ? (
              <p className={styles.previewEmpty}>{preview.error}</p>
            ) : (
              // Sanitized by lib/markdown on the server, the same pipeline used when storing.
              <div className={`prose ${styles.previewBody}`} dangerouslySetInnerHTML={{ __html: preview.html }} />
            )}
          </div>
        </section>
      )}
    </div>
  );
}
