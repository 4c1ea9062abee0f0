import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time of threads and memory of a process and all its descendants, read from /proc (Linux).
 * Chromium runs a page's dedicated workers inside its renderer process, a descendant of the browser
 * process, so these measure what Sandpit's interpreters cost.
 */

interface ProcessStat {
  readonly pid: number;
  readonly ppid: number;
  readonly cpuTicks: number;
}

function readStat(pid: string): ProcessStat | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name in parentheses: ppid is the 4th field, utime/stime the 14th/15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { pid: Number(pid), ppid: Number(fields[1]), cpuTicks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null; // The process ended while we looked.
  }
}

function processTree(rootPid: number): number[] | null {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  const stats = pids.map(readStat).filter((stat): stat is ProcessStat => stat !== null);
  const children = new Map<number, number[]>();
  for (const stat of stats) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), stat.pid]);
  const tree = [rootPid];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i] as number) ?? []));
  return tree;
}

/**
 * CPU seconds used so far by each of the tree's threads named `comm` (as Linux shows it, cut to 15
 * characters), by thread id: `DedicatedWorker` are Chromium's dedicated workers, Sandpit's interpreters
 * among them. Background compilation threads, which keep a core busy for seconds after a page starts,
 * don't count. Null where /proc is unavailable.
 */
export function threadCpuSeconds(rootPid: number, comm: string): Map<string, number> | null {
  const tree = processTree(rootPid);
  if (tree === null) return null;
  const seconds = new Map<string, number>();
  for (const pid of tree) {
    let threads: string[];
    try {
      threads = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue; // The process ended while we looked.
    }
    for (const tid of threads) {
      try {
        if (readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim() !== comm) continue;
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        seconds.set(tid, (Number(fields[11]) + Number(fields[12])) / 100);
      } catch {
        // The thread ended while we looked.
      }
    }
  }
  return seconds;
}

/** CPU seconds the threads of `after` used since `before` (threads that started meanwhile count whole). */
export function cpuSince(before: Map<string, number>, after: Map<string, number>): number {
  let total = 0;
  for (const [tid, seconds] of after) total += seconds - (before.get(tid) ?? 0);
  return total;
}

/** Proportional set size (shared pages divided among their users) of the tree, in bytes. */
export function treeMemoryBytes(rootPid: number): number {
  const tree = processTree(rootPid) ?? [];
  let kib = 0;
  for (const pid of tree) {
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      kib += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
    } catch {
      // The process ended, or smaps_rollup is not readable.
    }
  }
  return kib * 1024;
}
