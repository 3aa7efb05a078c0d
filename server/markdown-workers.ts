/**
 * The worker threads that render Markdown (lib/markdown/worker.ts), and their deadline. A text
 * that is still being laid out when its time is up has its worker ended (a parser cannot be
 * interrupted any other way) and is refused; a fresh worker takes the next text. The thread
 * that serves requests only passes messages, so a hostile post costs readers nothing.
 */
import os from "node:os";
import { Worker } from "node:worker_threads";
import { setMarkdownRenderer } from "../lib/markdown/render";
import type { MarkdownKind, RenderJob, RenderOutcome, RenderReply } from "../lib/markdown/protocol";
import type { MentionableMembers } from "../lib/markdown/mentions";

/**
 * A realistic 30,000-character post takes about 150 ms to lay out on a 2-core server (the
 * parser is most of it); anything still running at this deadline is refused.
 */
export const RENDER_DEADLINE_MS = Number(process.env.MARKDOWN_DEADLINE_MS) || 1_000;
/**
 * On a machine busier than its cores (load average above the core count), every thread gets a
 * share of a core and an ordinary post takes longer: the deadline stretches with the load, up
 * to this many times, so that what is refused is a text too complex, not a machine too busy.
 * Workers run beside the thread that serves requests, so a longer deadline costs readers nothing.
 */
export const MAX_DEADLINE_STRETCH = 3;
export const deadlineStretch = (load = os.loadavg()[0]!, cores = os.availableParallelism()) => Math.min(MAX_DEADLINE_STRETCH, Math.max(1, load / cores));

// Past this many texts waiting, new ones are turned away ("busy") rather than queued for long.
const MAX_WAITING = 200;

type Job = RenderJob & { settle: (outcome: RenderOutcome) => void };
type Slot = { worker: Worker; ready: boolean; job: Job | null; timer: NodeJS.Timeout | null };

const limits = { resourceLimits: { maxOldGenerationSizeMb: 256 } };

/**
 * A worker on the built entry beside the built server (scripts/build.mjs), or, run from the
 * sources (tests, development), on the TypeScript entry loaded through tsx as this thread is:
 * a worker does not inherit the loader this thread was started with.
 */
function startWorker(): Worker {
  if (import.meta.url.endsWith(".mjs")) return new Worker(new URL("./markdown-worker.mjs", import.meta.url), limits);
  const source = new URL("../lib/markdown/worker.ts", import.meta.url).href;
  const load = `import("tsx/esm/api").then(({ tsImport }) => tsImport(${JSON.stringify(source)}, ${JSON.stringify(import.meta.url)}))`;
  return new Worker(load, { ...limits, eval: true });
}

export class MarkdownWorkers {
  private slots: Slot[] = [];
  private waiting: Job[] = [];
  private nextId = 1;
  private stopped = false;

  constructor(readonly size = Math.max(1, Math.min(2, os.availableParallelism() - 1)), readonly deadlineMs = RENDER_DEADLINE_MS) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  render(kind: MarkdownKind, source: string, mentions?: MentionableMembers): Promise<RenderOutcome> {
    if (this.stopped) return Promise.reject(new Error("The Markdown workers are stopped."));
    if (this.waiting.length >= MAX_WAITING) return Promise.resolve({ refused: "busy" });
    return new Promise((settle) => {
      this.waiting.push({ id: this.nextId++, kind, source, mentions, settle });
      this.dispatch();
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const job of this.waiting.splice(0)) job.settle({ refused: "busy" });
    await Promise.all(this.slots.splice(0).map((slot) => this.end(slot, { refused: "busy" })));
  }

  private spawn(): Slot {
    const slot: Slot = { worker: startWorker(), ready: false, job: null, timer: null };
    slot.worker.unref();
    slot.worker.on("message", (message: RenderReply | { ready: true }) => {
      if ("ready" in message) {
        slot.ready = true;
        return this.dispatch();
      }
      if (!slot.job || slot.job.id !== message.id) return;
      const job = this.finish(slot);
      job.settle(message.ok ? { html: message.html, excerpt: message.excerpt } : message.reason === "too-complex" ? { refused: "too-complex" } : { refused: "busy" });
      this.dispatch();
    });
    // Out of memory, or any crash: the text it held is refused, and a new worker takes over.
    slot.worker.on("error", () => this.replace(slot, { refused: "too-complex" }));
    slot.worker.on("exit", () => this.replace(slot, { refused: "too-complex" }));
    return slot;
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (!slot.ready || slot.job) continue;
      const job = this.waiting.shift();
      if (!job) return;
      slot.job = job;
      slot.timer = setTimeout(() => this.replace(slot, { refused: "too-complex" }), this.deadlineMs * deadlineStretch());
      slot.worker.postMessage({ id: job.id, kind: job.kind, source: job.source, mentions: job.mentions } satisfies RenderJob);
    }
  }

  private finish(slot: Slot): Job {
    const job = slot.job!;
    slot.job = null;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    return job;
  }

  /** Ends the slot's worker, refusing its text with `outcome`, and puts a fresh one in its place. */
  private replace(slot: Slot, outcome: RenderOutcome): void {
    const at = this.slots.indexOf(slot);
    if (at === -1) return;
    this.slots[at] = this.spawn();
    void this.end(slot, outcome);
  }

  private async end(slot: Slot, outcome: RenderOutcome): Promise<void> {
    slot.worker.removeAllListeners();
    slot.worker.on("error", () => {});
    if (slot.job) this.finish(slot).settle(outcome);
    await slot.worker.terminate();
  }
}

let current: MarkdownWorkers | null = null;

/** Starts the process's Markdown workers and makes lib/markdown/render.ts use them. */
export function startMarkdownWorkers(options: { size?: number; deadlineMs?: number } = {}): MarkdownWorkers {
  if (current) return current;
  current = new MarkdownWorkers(options.size, options.deadlineMs);
  setMarkdownRenderer(current);
  return current;
}

export async function stopMarkdownWorkers(): Promise<void> {
  const workers = current;
  current = null;
  setMarkdownRenderer(null);
  await workers?.stop();
}
