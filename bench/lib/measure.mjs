/**
 * Run one command as a whole process and measure it: wall time (from Node, around the
 * spawn), CPU time (user + sys) and peak RSS of the largest process.
 *
 * Methods, chosen by pickMethod():
 *   time  GNU time (/usr/bin/time -v, Debian package `time`): rusage from wait4() of the
 *         child; covers any command, also xelatex.
 *   hook  without GNU time: a Node child is started with NODE_OPTIONS=--require
 *         rusage-hook.cjs, which writes process.resourceUsage() at exit; any other command
 *         is wrapped in python3's resource.getrusage(RUSAGE_CHILDREN) if python3 exists,
 *         else only wall time is measured.
 * Either way the figures are for the process (tree) of that one command, so a job of
 * several commands (xelatex twice) adds up wall and CPU time and takes the largest RSS.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HOOK = fileURLToPath(new URL('./rusage-hook.cjs', import.meta.url));
const GNU_TIME = '/usr/bin/time';

/** On PATH? Returns the absolute path or undefined. */
export function which(cmd) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const p = path.join(dir, cmd);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      if (fs.statSync(p).isFile()) return p;
    } catch { /* not here */ }
  }
  return undefined;
}

/** True when /usr/bin/time is GNU time with -v (BusyBox's and the shell keyword are not). */
export function hasGnuTime() {
  if (!fs.existsSync(GNU_TIME)) return false;
  const r = spawnSync(GNU_TIME, ['-v', 'true'], { encoding: 'utf8' });
  return r.status === 0 && /Maximum resident set size/.test(r.stderr ?? '');
}

/** 'time' when GNU time is there (unless BENCH_METHOD says otherwise), else 'hook'. */
export function pickMethod(requested = process.env.BENCH_METHOD) {
  if (requested === 'hook') return 'hook';
  if (requested === 'time') {
    if (!hasGnuTime()) throw new Error('BENCH_METHOD=time but /usr/bin/time (GNU time) is missing: apt-get install time');
    return 'time';
  }
  return hasGnuTime() ? 'time' : 'hook';
}

/** Busy and total CPU time of the whole machine so far, in seconds (Linux /proc/stat), or undefined. */
export function machineCpu() {
  try {
    const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const total = f.slice(0, 8).reduce((a, b) => a + b, 0); // guest time is already in user
    const idle = f[3] + (f[4] ?? 0);
    return { busy_s: (total - idle) / 100, total_s: total / 100 };
  } catch {
    return undefined;
  }
}

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Wait (up to maxMs) until the machine is quiet: the busy share of all cores over a
 * sampleMs window under `threshold`. Returns { waited_ms, busy } (busy of the last window).
 */
export function settle({ threshold = 0.15, sampleMs = 250, maxMs = 20_000 } = {}) {
  const t0 = Date.now();
  let busy;
  for (;;) {
    const a = machineCpu();
    if (!a) return { waited_ms: 0, busy: undefined };
    sleep(sampleMs);
    const b = machineCpu();
    busy = b.total_s > a.total_s ? (b.busy_s - a.busy_s) / (b.total_s - a.total_s) : 0;
    if (busy < threshold || Date.now() - t0 >= maxMs) return { waited_ms: Date.now() - t0, busy };
  }
}

let tmpCounter = 0;
function tmpFile(tag) {
  return path.join(os.tmpdir(), `yearbook-bench-${process.pid}-${++tmpCounter}.${tag}`);
}

function parseGnuTime(text) {
  const num = (re) => {
    const m = re.exec(text);
    return m ? Number(m[1]) : undefined;
  };
  return {
    user_s: num(/User time \(seconds\):\s*([\d.]+)/),
    sys_s: num(/System time \(seconds\):\s*([\d.]+)/),
    maxrss_kib: num(/Maximum resident set size \(kbytes\):\s*(\d+)/),
  };
}

function isNodeCommand(cmd) {
  return cmd === process.execPath || path.basename(cmd) === 'node';
}

/**
 * Run `cmd args` once. Returns { wall_s, user_s, sys_s, cpu_s, maxrss_kib, status, stdout, stderr }
 * (cpu/rss undefined when the method cannot measure them for this command).
 */
export function measure(cmd, args, { cwd, env = process.env, method = 'time', timeoutMs = 30 * 60_000 } = {}) {
  let argv0 = cmd;
  let argv = args;
  let childEnv = env;
  let rusageFile;
  let timeFile;
  if (method === 'time') {
    timeFile = tmpFile('time');
    argv0 = GNU_TIME;
    argv = ['-v', '-o', timeFile, cmd, ...args];
  } else if (isNodeCommand(cmd)) {
    rusageFile = tmpFile('json');
    const hookOpt = `--require "${HOOK}"`;
    childEnv = { ...env, BENCH_RUSAGE_FILE: rusageFile, NODE_OPTIONS: `${env.NODE_OPTIONS ?? ''} ${hookOpt}`.trim() };
  } else if (which('python3')) {
    rusageFile = tmpFile('json');
    argv0 = 'python3';
    argv = ['-c', PY_WRAPPER, rusageFile, cmd, ...args];
  }
  const cpu0 = machineCpu();
  const t0 = process.hrtime.bigint();
  const r = spawnSync(argv0, argv, { cwd, env: childEnv, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: timeoutMs });
  const wall_s = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu1 = machineCpu();
  let user_s;
  let sys_s;
  let maxrss_kib;
  try {
    if (timeFile && fs.existsSync(timeFile)) {
      ({ user_s, sys_s, maxrss_kib } = parseGnuTime(fs.readFileSync(timeFile, 'utf8')));
    } else if (rusageFile && fs.existsSync(rusageFile)) {
      const u = JSON.parse(fs.readFileSync(rusageFile, 'utf8'));
      user_s = u.user_us / 1e6;
      sys_s = u.sys_us / 1e6;
      maxrss_kib = u.maxrss_kib;
    }
  } finally {
    for (const f of [timeFile, rusageFile]) if (f) fs.rmSync(f, { force: true });
  }
  const cpu_s = user_s !== undefined && sys_s !== undefined ? user_s + sys_s : undefined;
  return {
    wall_s,
    user_s,
    sys_s,
    cpu_s,
    // CPU time the rest of the machine used meanwhile (other processes; 100 Hz ticks, so rough)
    others_cpu_s: cpu0 && cpu1 && cpu_s !== undefined ? Math.max(0, cpu1.busy_s - cpu0.busy_s - cpu_s) : undefined,
    maxrss_kib,
    status: r.error ? -1 : r.status,
    error: r.error ? String(r.error.message ?? r.error) : undefined,
    stdout: r.stdout ?? '',
    stderr: r.stderr ?? '',
  };
}

/** Several commands in a row as one job: wall and CPU added up, the largest RSS. */
export function measureSteps(steps, opts) {
  const parts = steps.map(([cmd, args, extra]) => measure(cmd, args, { ...opts, ...extra }));
  const sum = (k) => (parts.every((p) => p[k] !== undefined) ? parts.reduce((s, p) => s + p[k], 0) : undefined);
  return {
    wall_s: sum('wall_s'),
    user_s: sum('user_s'),
    sys_s: sum('sys_s'),
    cpu_s: sum('cpu_s'),
    others_cpu_s: sum('others_cpu_s'),
    maxrss_kib: parts.every((p) => p.maxrss_kib !== undefined) ? Math.max(...parts.map((p) => p.maxrss_kib)) : undefined,
    status: parts.find((p) => p.status !== 0)?.status ?? 0,
    error: parts.find((p) => p.error)?.error,
    stdout: parts.map((p) => p.stdout).join(''),
    stderr: parts.map((p) => p.stderr).join(''),
    steps: parts.map(({ stdout: _o, stderr: _e, ...p }) => p),
  };
}

const PY_WRAPPER = `
import json, resource, subprocess, sys
p = subprocess.run(sys.argv[2:])
r = resource.getrusage(resource.RUSAGE_CHILDREN)
open(sys.argv[1], "w").write(json.dumps({"user_us": r.ru_utime * 1e6, "sys_us": r.ru_stime * 1e6, "maxrss_kib": r.ru_maxrss}))
sys.exit(p.returncode)
`;
