/**
 * The study PDF worker thread (started by server/study-pdf.ts): lays out the sheets it is sent
 * and answers with their bytes. Making a PDF is tens of milliseconds of synchronous work, and
 * the first one in a process (fonts read, code compiled) far more: here it never holds the
 * thread that serves readers.
 */
import { parentPort } from "node:worker_threads";
import type { StudySheet } from "../sheet";
import { renderStudyPdf, type Paper } from "./study-pdf";

export type PdfJob = { id: number; sheet: StudySheet; paper: Paper; origin: string };
export type PdfReply = { id: number; ok: true; pdf: Uint8Array; ms: number } | { id: number; ok: false; message: string };

parentPort!.on("message", async ({ id, sheet, paper, origin }: PdfJob) => {
  const started = performance.now();
  try {
    const pdf = await renderStudyPdf(sheet, { paper, origin });
    const bytes = new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    parentPort!.postMessage({ id, ok: true, pdf: bytes, ms: performance.now() - started } satisfies PdfReply);
  } catch (e) {
    parentPort!.postMessage({ id, ok: false, message: (e as Error).message } satisfies PdfReply);
  }
});

parentPort!.postMessage({ ready: true });
