/**
 * A record of the function processes the platform runs, kept in the data directory, so that after
 * the platform itself is killed (kill -9, a crash) the next start stops the processes it left.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const FILE = 'processes.json';

/** Remember the live process ids (called on every spawn and exit). */
export function recordProcesses(dataDir: string, pids: number[]): void {
  writeFileSync(path.join(dataDir, FILE), JSON.stringify(pids));
}

/**
 * Stop processes a previous run recorded and left behind. Only processes whose command line
 * contains `marker` (the framework's entry point) are signalled, so a recycled pid is left alone.
 * Returns the pids stopped.
 */
export function reapOrphans(dataDir: string, marker: string): number[] {
  let pids: unknown;
  try {
    pids = JSON.parse(readFileSync(path.join(dataDir, FILE), 'utf8'));
  } catch {
    return [];
  }
  if (!Array.isArray(pids)) return [];
  const reaped = pids.filter((pid): pid is number => Number.isInteger(pid) && isOurs(pid, marker));
  for (const pid of reaped) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  recordProcesses(dataDir, []);
  return reaped;
}

function isOurs(pid: number, marker: string): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker);
  } catch {
    return false;
  }
}
