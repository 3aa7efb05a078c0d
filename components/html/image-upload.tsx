/** @jsxImportSource hono/jsx */
/**
 * The editor's image control (components/html/markdown-editor.tsx): a link to the upload page
 * (components/html/image-upload-page.tsx), which works without JavaScript (it opens in a new
 * tab, so the draft stays), and which the page's script (lib/enhance/images.ts) turns into a
 * file picker that uploads in place, beside dropping or pasting an image onto the text;
 * progress and refusals are said in the status region. Also rendered in the browser by React's
 * pages (components/markdown-field.tsx): nothing server-only here.
 */
import { uploadLimits } from "@/lib/rules";

export const IMAGE_UPLOAD_PAGE = "/images/new";
export const IMAGE_UPLOAD_ROUTE = "/api/uploads";
export const ACCEPT = "image/png,image/jpeg,image/webp,image/gif";

/** The editor's image control for the textarea `fieldId`. */
export function ImageUploadControl({ fieldId }: { fieldId: string }) {
  return (
    <div class="editor-images" data-image-upload-for={fieldId} data-max-bytes={uploadLimits.maxBytes}>
      <a class="editor-image-button" href={IMAGE_UPLOAD_PAGE} target="_blank" rel="noopener" data-image-pick="">
        Add image
      </a>
      <input type="file" accept={ACCEPT} hidden tabindex={-1} aria-label="Image to add" data-image-input="" />
      <span class="editor-image-status" role="status" aria-live="polite" data-image-status=""></span>
    </div>
  );
}
