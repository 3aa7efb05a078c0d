/**
 * Data size (row k): the signed-in thread page on the large data set against the small one,
 * both servers up at once and measured in turns. Cells of the main run lie minutes apart, and
 * on a shared machine the framework floor alone moved 1.1-1.7x between them; turns a few
 * seconds apart, in the order small, large, large, small, ..., leave the data as the one thing
 * that differs.
 */
import { BUILT_SERVER_ARGS } from "./build";
import { autocannonGet, type LoadResult } from "./cannon";
import { median } from "./median";
import { cpuMs, startPinned, stop, waitForHttp, type Proc } from "./processes";

/** One data set ready to serve: the forum's environment, the thread to read and who reads it. */
export type SizeSide = { questions: number; env: NodeJS.ProcessEnv; threadPath: string; readerCookie: string };

export type SideFigures = { p50s: number[]; medianP50: number; cpuMsPerRequest: number; requests: number; errors: number };
export type DataSizeResult = { small: SideFigures; large: SideFigures; p50Ratio: number; cpuRatio: number };

type Opts = { port: number; dir: string; rounds: number; seconds: number; warmup: number; connections: number; log: (s: string) => void };

export async function interleavedDataSize(small: SizeSide, large: SizeSide, o: Opts): Promise<DataSizeResult> {
  const procs: Proc[] = [];
  try {
    const sides = [small, large].map((side, i) => {
      const port = o.port + i;
      const proc = startPinned(`forum-data-size-${side.questions}`, BUILT_SERVER_ARGS, { ...side.env, PORT: String(port) }, o.dir);
      procs.push(proc);
      return { side, proc, url: `http://127.0.0.1:${port}${side.threadPath}`, runs: [] as { r: LoadResult; cpu: number }[] };
    });
    for (const s of sides) await waitForHttp(s.proc, new URL("/status", s.url).href);
    const run = (s: (typeof sides)[number], seconds: number) => autocannonGet(s.url, { connections: o.connections, duration: seconds, headers: { cookie: s.side.readerCookie } });
    for (const s of sides) await run(s, o.warmup);
    o.log(`  k. data size: ${o.rounds} turns of ${o.seconds} s on each, small and large alternating...`);
    for (let round = 0; round < o.rounds; round++) {
      for (const s of round % 2 ? [...sides].reverse() : sides) {
        const before = cpuMs(s.proc.pid);
        const r = await run(s, o.seconds);
        s.runs.push({ r, cpu: cpuMs(s.proc.pid) - before });
      }
    }
    const [a, b] = sides.map(({ runs }): SideFigures => {
      const requests = runs.reduce((n, x) => n + x.r.total, 0);
      const p50s = runs.map((x) => x.r.p50);
      const errors = runs.reduce((n, x) => n + x.r.errors, 0);
      return { p50s, medianP50: median(p50s), cpuMsPerRequest: runs.reduce((n, x) => n + x.cpu, 0) / Math.max(requests, 1), requests, errors };
    }) as [SideFigures, SideFigures];
    return { small: a, large: b, p50Ratio: b.medianP50 / Math.max(a.medianP50, 0.1), cpuRatio: b.cpuMsPerRequest / Math.max(a.cpuMsPerRequest, 0.001) };
  } finally {
    for (const p of procs) await stop(p);
  }
}
