/**
 * Images into the Markdown editor (components/html/image-upload.tsx): "Add image" opens the
 * file picker instead of the upload page, and an image dropped or pasted onto the text is
 * uploaded too. Each goes to /api/uploads; the answer's Markdown goes in where the cursor is,
 * and the field's input event updates its counter and preview. Progress and refusals (the
 * server's own words) are said in the control's status region, which is aria-live.
 */
const UPLOAD_ROUTE = "/api/uploads";

type Control = { root: HTMLElement; field: HTMLTextAreaElement; status: HTMLElement };

function controlOf(root: HTMLElement | null): Control | null {
  const field = root ? document.getElementById(root.dataset.imageUploadFor ?? "") : null;
  const status = root?.querySelector<HTMLElement>("[data-image-status]");
  return root && field instanceof HTMLTextAreaElement && status ? { root, field, status } : null;
}

const controlOfField = (field: EventTarget | null) =>
  field instanceof HTMLTextAreaElement && field.id ? controlOf(document.querySelector<HTMLElement>(`[data-image-upload-for="${CSS.escape(field.id)}"]`)) : null;

const imagesIn = (files: FileList | null | undefined) => [...(files ?? [])].filter((f) => f.type.startsWith("image/") || f.type === "");

function say(control: Control, message: string, error = false): void {
  control.status.textContent = message;
  control.status.classList.toggle("editor-image-error", error);
}

function insert(field: HTMLTextAreaElement, markdown: string): void {
  const before = field.value.slice(0, field.selectionStart);
  // An image as a paragraph of its own: what is typed next starts the next paragraph.
  const text = `${before && !before.endsWith("\n") ? "\n\n" : ""}${markdown}\n\n`;
  field.setRangeText(text, field.selectionStart, field.selectionEnd, "end");
  field.dispatchEvent(new Event("input", { bubbles: true }));
}

/** Sends one file, telling the status region how far it got. */
function send(control: Control, file: File): Promise<void> {
  const name = file.name || "pasted image";
  const max = Number(control.root.dataset.maxBytes) || Infinity;
  if (file.size > max) {
    say(control, `${name} is too large: images can be up to ${Math.round(max / 104857.6) / 10} MB.`, true);
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", UPLOAD_ROUTE);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.responseType = "json";
    say(control, `Uploading ${name}…`);
    xhr.upload.onprogress = (e) => e.lengthComputable && say(control, `Uploading ${name}: ${Math.round((e.loaded / e.total) * 100)}%`);
    xhr.onload = () => {
      const answer = (xhr.response ?? {}) as { markdown?: string; error?: string };
      if (xhr.status < 300 && answer.markdown) {
        insert(control.field, answer.markdown);
        say(control, `Added ${name}.`);
      } else {
        say(control, answer.error ?? `${name} was not uploaded (error ${xhr.status}).`, true);
      }
      resolve();
    };
    xhr.onerror = () => {
      say(control, `${name} was not uploaded: the connection failed. Try again.`, true);
      resolve();
    };
    const body = new FormData();
    body.append("image", file, name);
    xhr.send(body);
  });
}

async function sendAll(control: Control, files: File[]): Promise<void> {
  for (const file of files) await send(control, file);
}

const handlers: Record<string, (e: Event) => void> = {
  click(e) {
    const pick = (e.target as Element).closest?.<HTMLElement>("[data-image-pick]");
    const input = pick?.parentElement?.querySelector<HTMLInputElement>("[data-image-input]");
    if (!input) return;
    e.preventDefault();
    input.click();
  },
  change(e) {
    const input = e.target as HTMLInputElement;
    if (!input.matches?.("[data-image-input]")) return;
    const control = controlOf(input.closest<HTMLElement>("[data-image-upload-for]"));
    const files = [...(input.files ?? [])];
    input.value = "";
    if (control) void sendAll(control, files);
  },
  paste(e) {
    const control = controlOfField(e.target);
    const files = imagesIn((e as ClipboardEvent).clipboardData?.files);
    if (!control || !files.length) return;
    e.preventDefault();
    void sendAll(control, files);
  },
  dragover(e) {
    if (controlOfField(e.target) && (e as DragEvent).dataTransfer?.types.includes("Files")) e.preventDefault();
  },
  drop(e) {
    const control = controlOfField(e.target);
    const files = imagesIn((e as DragEvent).dataTransfer?.files);
    if (!control || !files.length) return;
    e.preventDefault();
    control.field.focus();
    void sendAll(control, files);
  },
};

/** Listens on `root` (the document, or a React page's editor island); returns the way to stop. */
export function enableImageUploads(root: Document | HTMLElement): () => void {
  for (const [type, handler] of Object.entries(handlers)) root.addEventListener(type, handler);
  return () => {
    for (const [type, handler] of Object.entries(handlers)) root.removeEventListener(type, handler);
  };
}
