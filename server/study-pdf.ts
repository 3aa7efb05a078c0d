/**
 * Study sheet PDFs (lib/study/pdf), made in one worker thread and kept by what they show: the
 * sheet's version (lib/study/sheet.ts: every post's edit time, the scores and the pick), the
 * paper, and the forum's address printed in them. The worker starts with the first PDF asked
 * for; a PDF still being made after the deadline has its worker ended and a fresh one takes
 * the next. Two requests for the same PDF at once share one making.
 */
import { Worker } from "node:worker_threads";
import { processState } from "../lib/process-state";
import type { StudySheet } from "../lib/study/sheet";
import type { Paper } from "../lib/study/pdf/study-pdf";
import type { PdfJob, PdfReply } from "../lib/study/pdf/worker";

const DEADLINE_MS = 20_000;
// PDFs are made one at a time; past this many waiting, more are turned away (503) than queued.
const MAX_WAITING = 8;
const MAX_KEPT = 40;

type Pending = { resolve: (pdf: Buffer) => void; reject: (e: Error) => void; timer: NodeJS.Timeout };
type State = { worker: Worker | null; pending: Map<number, Pending>; nextId: number; kept: Map<string, Promise<Buffer>>; lastMs: number | null };

const state = processState<State>("study-pdf", () => ({ worker: null, pending: new Map(), nextId: 1, kept: new Map(), lastMs: null }));

/** The built worker beside the built server, or the TypeScript entry through tsx (tests, dev). */
function startWorker(): Worker {
  const limits = { resourceLimits: { maxOldGenerationSizeMb: 256 } };
  if (import.meta.url.endsWith(".mjs")) return new Worker(new URL("./study-pdf-worker.mjs", import.meta.url), limits);
  const source = new URL("../lib/study/pdf/worker.ts", import.meta.url).href;
  const load = `import("tsx/esm/api").then(({ tsImport }) => tsImport(${JSON.stringify(source)}, ${JSON.stringify(import.meta.url)}))`;
  return new Worker(load, { ...limits, eval: true });
}

function worker(): Worker {
  if (state.worker) return state.worker;
  const w = startWorker();
  w.unref();
  w.on("message", (reply: PdfReply | { ready: true }) => {
    if ("ready" in reply) return;
    const job = state.pending.get(reply.id);
    if (!job) return;
    state.pending.delete(reply.id);
    clearTimeout(job.timer);
    if (reply.ok) {
      state.lastMs = reply.ms;
      job.resolve(Buffer.from(reply.pdf.buffer, reply.pdf.byteOffset, reply.pdf.byteLength));
    } else job.reject(new Error(`The study PDF could not be made: ${reply.message}`));
  });
  const fail = (why: string) => {
    if (state.worker !== w) return;
    state.worker = null;
    for (const [id, job] of state.pending) {
      clearTimeout(job.timer);
      job.reject(new Error(why));
      state.pending.delete(id);
    }
  };
  w.on("error", (e) => fail(`The study PDF worker failed: ${e.message}`));
  w.on("exit", () => fail("The study PDF worker stopped."));
  state.worker = w;
  return w;
}

function makeInWorker(sheet: StudySheet, paper: Paper, origin: string): Promise<Buffer> {
  if (state.pending.size >= MAX_WAITING) return Promise.reject(new Error("Too many study PDFs are being made at once."));
  return new Promise((resolve, reject) => {
    const id = state.nextId++;
    const w = worker();
    const timer = setTimeout(() => {
      state.pending.delete(id);
      reject(new Error("The study PDF took too long to make."));
      if (state.worker === w) state.worker = null;
      void w.terminate();
    }, DEADLINE_MS);
    state.pending.set(id, { resolve, reject, timer });
    w.postMessage({ id, sheet, paper, origin } satisfies PdfJob);
  });
}

export function studyPdf(sheet: StudySheet, paper: Paper, origin: string): Promise<Buffer> {
  const key = `${sheet.version}|${paper}|${origin}`;
  const hit = state.kept.get(key);
  if (hit) {
    // Most recently used last, so that the oldest goes first when the map is full.
    state.kept.delete(key);
    state.kept.set(key, hit);
    return hit;
  }
  const making = makeInWorker(sheet, paper, origin);
  state.kept.set(key, making);
  making.catch(() => state.kept.delete(key));
  if (state.kept.size > MAX_KEPT) state.kept.delete(state.kept.keys().next().value!);
  return making;
}

/** How long the worker took over the last PDF it made (for the log and the tests). */
export const lastPdfMs = () => state.lastMs;

export async function stopStudyPdfWorker(): Promise<void> {
  const w = state.worker;
  state.worker = null;
  await w?.terminate();
}
