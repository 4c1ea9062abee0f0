import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time and memory of a process and all its descendants, read from /proc (Linux). Chromium runs a
 * page's dedicated workers inside its renderer process, a descendant of the browser process, so these
 * measure what Sandpit's interpreters cost. Both return null where /proc is unavailable.
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

/** CPU seconds used so far by the tree. */
export function treeCpuSeconds(rootPid: number): number | null {
  const tree = processTree(rootPid);
  if (tree === null) return null;
  return tree.reduce((total, pid) => total + (readStat(String(pid))?.cpuTicks ?? 0), 0) / 100;
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
