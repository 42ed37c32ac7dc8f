/** CPU time of a process tree from /proc (Linux), for the load benchmarks. */
import { readFileSync } from 'node:fs';

/** CPU seconds of a process and its live children, plus what its ended children used (cutime/cstime). */
export function treeCpuSeconds(pid: number): number {
  const stat = (p: number) => readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const own = stat(pid);
  let total = (Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14])) / 100;
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {}
  for (const c of children) {
    try {
      const s = stat(c);
      total += (Number(s[11]) + Number(s[12])) / 100;
    } catch {}
  }
  return total;
}
