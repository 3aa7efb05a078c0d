"use client";

import { useEffect, useId, useState, useSyncExternalStore } from "react";
import { countText, fetchPreview, PREVIEW_DELAY_MS, PREVIEW_UNAVAILABLE, type MarkdownKind, type Preview } from "@/lib/enhance/preview";
import { limits } from "@/lib/rules";
import styles from "./markdown-editor.module.css";

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

const subscribeNever = () => () => {};

/** True once hydrated: without JavaScript there is no preview, so none is promised. */
function useHydrated(): boolean {
  return useSyncExternalStore(subscribeNever, () => true, () => false);
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
  const [preview, setPreview] = useState<Preview | null>(null);
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
          if (!controller.signal.aborted) setPreview({ error: PREVIEW_UNAVAILABLE });
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
          <span className={over ? `${styles.counter} ${styles.counterOver}` : styles.counter} data-count-of={id} data-over-class={styles.counterOver}>
            {countText(value.length, maxLength)}
          </span>
        </div>
      </div>
      {/* Hidden until something runs it: React once hydrated, or lib/enhance on a plain page. */}
      <section className={styles.preview} aria-label="Live preview" hidden={!hydrated} data-preview-of={id} data-kind={kind}>
        <p className={styles.previewTitle} aria-hidden="true">
          Preview
        </p>
        <div aria-live="polite" aria-label="Preview" data-preview-output="" data-message-class={styles.previewEmpty} data-body-class={`prose ${styles.previewBody}`}>
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
    </div>
  );
}
