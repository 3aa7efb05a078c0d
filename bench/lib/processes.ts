/** Starting, watching and stopping the processes under test: the forum and the ceiling. */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { median } from "./median";

const root = path.resolve(import.meta.dirname, "../..");
export const SERVER_CPU = "0";

export type Proc = { child: ChildProcess; pid: number; log: string; name: string; stopping: boolean };

/** Spawns `taskset -c <cpu> node ...args` (taskset execs, so the pid is node's). */
export function startPinned(name: string, args: string[], env: NodeJS.ProcessEnv, logDir: string, cpu = SERVER_CPU): Proc {
  const log = path.join(logDir, `${name}.log`);
  const out = fs.openSync(log, "a");
  const child = spawn("taskset", ["-c", cpu, process.execPath, ...args], { cwd: root, env, stdio: ["ignore", out, out] });
  fs.closeSync(out);
  if (!child.pid) throw new Error(`Could not start ${name}.`);
  const proc: Proc = { child, pid: child.pid, log, name, stopping: false };
  // A process under test that leaves on its own spoils every figure after it: say so at once.
  child.once("exit", (code, signal) => {
    if (!proc.stopping) console.error(`!! ${name} (pid ${proc.pid}) exited by itself: code ${code}, signal ${signal}; see ${log}`);
  });
  return proc;
}

/** Fails unless `port` is free: otherwise the run would measure someone else's server. */
export async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", () => reject(new Error(`Port ${port} is in use (another benchmark?): choose other ports with --port.`)));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve()));
  });
}

/** Waits until `url` answers (any status below 500), or fails naming the log to read. */
export async function waitForHttp(proc: Proc, url: string, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.child.exitCode !== null) throw new Error(`${proc.name} exited (${proc.child.exitCode}); see ${proc.log}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
      await res.arrayBuffer();
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${proc.name} did not answer ${url} within ${timeoutMs / 1000} s; see ${proc.log}`);
}

export async function stop(proc: Proc | undefined): Promise<void> {
  if (!proc || proc.child.exitCode !== null || proc.child.signalCode !== null) return;
  const exited = new Promise<void>((r) => proc.child.once("exit", () => r()));
  proc.stopping = true;
  proc.child.kill("SIGTERM");
  const timer = setTimeout(() => proc.child.kill("SIGKILL"), 20_000);
  await exited;
  clearTimeout(timer);
}

export const isAlive = (proc: Proc) => proc.child.exitCode === null && proc.child.signalCode === null;

export function assertAlive(proc: Proc, during: string): void {
  if (proc.child.exitCode !== null || proc.child.signalCode !== null) {
    throw new Error(`${proc.name} exited during ${during} (code ${proc.child.exitCode}, signal ${proc.child.signalCode}); see ${proc.log}`);
  }
}

/** Resident set size in MB, from /proc/<pid>/status. */
export function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** User plus system CPU time of a process so far, in ms (/proc/<pid>/stat, fields 14 and 15). */
export function cpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  // The command name (field 2) may hold spaces; the fields after it start past its ")".
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / 100; // Linux reports clock ticks of 1/100 s to user space.
}

/**
 * Samples RSS every `everyMs` until stopped: first, largest and last sample, and the medians of
 * the first and the last `windowMs` of samples (a quarter of the run at most). One sample can
 * land on a collector's peak; a window's median cannot, so the windows are what says flat.
 */
export function sampleRss(pid: number, everyMs = 500, windowMs = 30_000) {
  const samples = [rssMb(pid)];
  const timer = setInterval(() => samples.push(rssMb(pid) || samples.at(-1)!), everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      samples.push(rssMb(pid) || samples.at(-1)!);
      const window = Math.max(1, Math.min(Math.round(windowMs / everyMs), Math.floor(samples.length / 4)));
      return {
        first: samples[0]!,
        max: Math.max(...samples),
        last: samples.at(-1)!,
        startMedian: median(samples.slice(0, window)),
        endMedian: median(samples.slice(-window)),
        windowSeconds: (window * everyMs) / 1000,
      };
    },
  };
}
