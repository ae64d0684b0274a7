import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The parent of a process, from /proc/<pid>/stat (after the command name, which may hold spaces). */
function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null; // gone meanwhile
  }
}

/** The postmaster of the server running on `databaseDir` and all its children (backends, workers). */
export function postgresProcesses(databaseDir: string): number[] {
  const postmaster = Number(
    readFileSync(join(databaseDir, 'postmaster.pid'), 'utf8').split('\n')[0],
  );
  const children = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => parentOf(pid) === postmaster);
  return [postmaster, ...children];
}

/**
 * Freezes a PostgreSQL server as a hung machine would: every process stopped
 * (SIGSTOP), connections still open, nothing answered. The postmaster goes
 * first so it cannot start a new backend meanwhile. Returns the thaw; call it in `finally`.
 */
export function freezePostgres(databaseDir: string): () => void {
  const pids = postgresProcesses(databaseDir);
  for (const pid of pids) {
    process.kill(pid, 'SIGSTOP');
  }
  let thawed = false;
  return () => {
    if (thawed) {
      return;
    }
    thawed = true;
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGCONT');
      } catch {
        // already gone
      }
    }
  };
}
