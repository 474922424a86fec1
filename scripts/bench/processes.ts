import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import fs from "node:fs";

/** The pid and every descendant of it (Linux /proc), e.g. next start and its workers. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of /proc/<pid>/stat is the parent pid; the name (field 2) may hold spaces, so split after it.
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  const out: number[] = [];
  const walk = (pid: number) => {
    out.push(pid);
    for (const c of children.get(pid) ?? []) walk(c);
  };
  walk(root);
  return out;
}

/** CPU time (user + system, ms) used so far by each of `pids`; clock ticks are 1/100 s on Linux. */
export function cpuMs(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(f[11]) + Number(f[12]); // utime, stime (fields 14 and 15)
    } catch {
      // gone
    }
  }
  return ticks * 10;
}

/** PostgreSQL backends serving `database` (their process title names it). */
export function postgresBackends(database: string): number[] {
  const out: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8");
      if (cmd.startsWith("postgres:") && cmd.includes(` ${database} `)) out.push(Number(entry));
    } catch {
      // gone
    }
  }
  return out;
}

function statusKiB(pid: number, field: "VmRSS" | "VmHWM"): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/**
 * Samples the resident memory of a process tree every `everyMs`: the peak of the summed
 * VmRSS, and the largest VmHWM (the kernel's own high-water mark) of any one process.
 */
export class RssSampler {
  peakTreeKiB = 0;
  peakProcessKiB = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly root: number,
    everyMs = 250,
  ) {
    this.timer = setInterval(() => this.sample(), everyMs);
    this.timer.unref();
  }

  sample(): void {
    const pids = processTree(this.root);
    const sum = pids.reduce((s, p) => s + statusKiB(p, "VmRSS"), 0);
    this.peakTreeKiB = Math.max(this.peakTreeKiB, sum);
    for (const p of pids) this.peakProcessKiB = Math.max(this.peakProcessKiB, statusKiB(p, "VmHWM"));
  }

  stop(): { peakTreeMiB: number; peakProcessMiB: number } {
    this.sample();
    clearInterval(this.timer);
    return { peakTreeMiB: Math.round(this.peakTreeKiB / 1024), peakProcessMiB: Math.round(this.peakProcessKiB / 1024) };
  }
}

/** Runs a command to completion; resolves with its stdout (stderr is passed through). */
export function run(cmd: string, args: string[], opts: SpawnOptions & { onSpawn?: (child: ChildProcess) => void } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "inherit"], ...opts });
    opts.onSpawn?.(child);
    let out = "";
    child.stdout?.on("data", (d: Buffer) => (out += d.toString()));
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.join(" ")} exited with ${code ?? signal}`)),
    );
  });
}
