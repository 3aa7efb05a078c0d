/** @jsxImportSource hono/jsx */
/**
 * The upload page, for a browser without JavaScript (the editor's "Add image" link opens it):
 * a plain form that posts the file to the upload route, which answers with this page again,
 * showing the image and the Markdown to copy into the post, or the reason it was refused.
 */
import type { ForumAssets } from "@/lib/assets";
import { loginPath } from "@/lib/paths";
import { hasPrivilege, privileges, uploadLimits } from "@/lib/rules";
import { Document } from "./document";
import { ACCEPT, IMAGE_UPLOAD_PAGE, IMAGE_UPLOAD_ROUTE } from "./image-upload";
import type { HeaderMember } from "./site-chrome";

const maxSize = () => {
  const mb = uploadLimits.maxBytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
};

export type UploadOutcome = { markdown: string; url: string } | { error: string } | null;

type PageProps = { outcome: UploadOutcome; assets: ForumAssets; member: HeaderMember | null };

export function ImageUploadPage({ outcome, assets, member }: PageProps) {
  return (
    <Document title="Add an image" assets={assets} member={member} here={IMAGE_UPLOAD_PAGE} withScript={member !== null}>
      <h1>Add an image</h1>
      {outcome && "error" in outcome && (
        <p class="field-error" role="alert">
          {outcome.error}
        </p>
      )}
      {outcome && "markdown" in outcome && (
        <section class="image-upload-result" aria-labelledby="image-upload-done">
          <h2 id="image-upload-done">Uploaded</h2>
          {/* eslint-disable-next-line @next/next/no-img-element -- hono/jsx renders this, not React: next/image does not apply */}
          <img src={outcome.url} alt="The uploaded image" class="image-upload-preview" />
          <p>
            <label for="image-markdown">Copy this into your post:</label>
          </p>
          <textarea id="image-markdown" class="editor-textarea image-upload-markdown" rows={2} readonly>
            {`\n${outcome.markdown}`}
          </textarea>
        </section>
      )}
      {member && !hasPrivilege(member, "uploadImages") && (
        <p class="muted">
          Members can add images from {privileges.uploadImages} points; you have {member.points}.
        </p>
      )}
      {member ? (
        <form method="post" action={IMAGE_UPLOAD_ROUTE} enctype="multipart/form-data" class="stack-form">
          <p>
            <label for="image-file">Image (PNG, JPEG, WebP or GIF, up to {maxSize()})</label>
            <br />
            <input id="image-file" type="file" name="image" accept={ACCEPT} required />
          </p>
          <p class="muted">Photos lose their location and camera details; images wider than {uploadLimits.displayWidth} pixels are shown smaller, linked to the original. Animated GIFs keep their animation.</p>
          <button type="submit" data-pending="Uploading…">
            Upload
          </button>
        </form>
      ) : (
        <p>
          <a href={loginPath(IMAGE_UPLOAD_PAGE)}>Log in</a> to add images.
        </p>
      )}
    </Document>
  );
}
