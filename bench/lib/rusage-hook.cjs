// Preloaded into a Node child (NODE_OPTIONS=--require …) when GNU time is absent: at exit it
// writes the process's own CPU time and peak RSS to $BENCH_RUSAGE_FILE. The variable is
// removed at once, so Node grandchildren (if any) do not overwrite the file.
'use strict';
const out = process.env.BENCH_RUSAGE_FILE;
if (out) {
  delete process.env.BENCH_RUSAGE_FILE;
  process.on('exit', () => {
    const r = process.resourceUsage();
    require('node:fs').writeFileSync(out, JSON.stringify({
      user_us: r.userCPUTime, sys_us: r.systemCPUTime, maxrss_kib: r.maxRSS,
    }));
  });
}
