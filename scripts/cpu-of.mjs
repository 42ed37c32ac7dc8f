#!/usr/bin/env node
// Runs one command and appends its CPU seconds (user + system, including every process it started
// and waited for) as JSON to the file named by TESTIGO_CPU_OUT. Linux only: it reads the kernel's
// count of reaped children's time from /proc/self/stat; elsewhere the figure is null.
// Usage: node scripts/cpu-of.mjs <label> <command> [args...]   (exits with the command's code)
import { spawn } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';

const [label, cmd, ...args] = process.argv.slice(2);
const started = process.hrtime.bigint();
const child = spawn(cmd, args, { stdio: 'inherit' });
const code = await new Promise((resolve) => child.on('close', (c, sig) => resolve(c ?? (sig ? 1 : 0))));
let cpu = null;
try {
  // Fields after the command name: cutime and cstime are the 14th and 15th (clock ticks, 100 Hz on Linux).
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  cpu = (Number(fields[13]) + Number(fields[14])) / 100;
} catch {}
const wall = Number(process.hrtime.bigint() - started) / 1e9;
if (process.env.TESTIGO_CPU_OUT)
  appendFileSync(process.env.TESTIGO_CPU_OUT, `${JSON.stringify({ label, cpu, wall, code })}\n`);
process.exit(code);
