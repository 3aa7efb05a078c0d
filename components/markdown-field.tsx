"use client";
import { useEffect, useRef } from "react";
import { MarkdownEditor } from "@/components/html/markdown-editor";
import { enableImageUploads } from "@/lib/enhance/images";
import { startDrafts } from "@/lib/enhance/drafts";
import { onEditorKeydown, onFieldInput, onToolbarClick, startPreviews } from "@/lib/enhance/editor";

type Props = Parameters<typeof MarkdownEditor>[0];

/**
 * The Markdown editor (components/html/markdown-editor.tsx, the one the thread's answer form
 * uses) inside a React form, with the same live parts as on the thread (lib/enhance/editor.ts):
 * counter, toolbar and preview. Its field is the island's own, sent with the form; `value` is what it
 * holds when rendered (a refused post's text comes back this way).
 */
export function MarkdownField(props: Props) {
  const island = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = island.current;
    if (!root) return;
    root.addEventListener("input", onFieldInput);
    root.addEventListener("click", onToolbarClick);
    root.addEventListener("keydown", onEditorKeydown);
    startPreviews(root);
    const stopImageUploads = enableImageUploads(root);
    // The ask form is kept as a draft (its form says so); the listeners are the document's, once.
    startDrafts();
    return () => {
      root.removeEventListener("input", onFieldInput);
      root.removeEventListener("click", onToolbarClick);
      root.removeEventListener("keydown", onEditorKeydown);
      stopImageUploads();
    };
  }, []);
  return <div ref={island} className="html-island" dangerouslySetInnerHTML={{ __html: String(MarkdownEditor(props)) }} />;
}
