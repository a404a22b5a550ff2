import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * Runs a shell command under /usr/bin/time: wall seconds, CPU seconds (user + sys), peak resident MB, and its
 * output (or what `summary` reads from the files it wrote). `timeFile` is where time writes its figures.
 */
export function measureCommand(command, timeFile, summary) {
  const t0 = performance.now();
  const out = spawnSync('sh', ['-c', `/usr/bin/time -o ${timeFile} -f "%U %S %M" ${command}`], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const wall = (performance.now() - t0) / 1000;
  const [user, sys, rssKb] = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1).split(' ').map(Number);
  return { wall, cpu: user + sys, rssMb: rssKb / 1024, stdout: summary ? summary() : out.stdout.trim() };
}
