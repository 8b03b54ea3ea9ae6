import * as fs from 'fs';
import * as os from 'os';

/**
 * Which process wrote a journal. Recovery must not roll back a save that another
 * live process (a second VS Code window) is still running, and must not mistake a
 * reused pid after a crash or a reboot for that process: on Linux the process's
 * start time and the boot id settle both; elsewhere the boot time does.
 */
export interface Owner {
  pid: number;
  /** Linux: the process's start time in clock ticks since boot (0 elsewhere). */
  startTicks: number;
  /** Seconds since the epoch when the machine booted (wall clock minus uptime). */
  bootTime: number;
  /** Linux: /proc/sys/kernel/random/boot_id as 16 bytes (zeros elsewhere). */
  bootId: Buffer;
}

let self: Owner | undefined;

/** This process as a journal owner. */
export function currentOwner(): Owner {
  self ??= { pid: process.pid, startTicks: startTicksOf(process.pid) ?? 0, bootTime: bootTime(), bootId: bootId() };
  return self;
}

/** The owner record of another process, for tests. Undefined when it does not exist. */
export function ownerOf(pid: number): Owner | undefined {
  if (!processExists(pid)) return undefined;
  const me = currentOwner();
  return { pid, startTicks: startTicksOf(pid) ?? 0, bootTime: me.bootTime, bootId: me.bootId };
}

/** True for this very process. */
export function isSelf(owner: Owner): boolean {
  const me = currentOwner();
  return owner.pid === me.pid && owner.startTicks === me.startTicks && sameBoot(owner, me);
}

/** Whether the process that wrote a journal may still be running (and so still saving). */
export function ownerAlive(owner: Owner): boolean {
  if (!sameBoot(owner, currentOwner()) || !processExists(owner.pid)) return false;
  if (process.platform !== 'linux') return true;
  const ticks = startTicksOf(owner.pid);
  return ticks !== undefined && (owner.startTicks === 0 || ticks === owner.startTicks);
}

function sameBoot(a: Owner, b: Owner): boolean {
  const known = (id: Buffer) => id.some((x) => x !== 0);
  if (known(a.bootId) && known(b.bootId)) return a.bootId.equals(b.bootId);
  // Wall clock minus uptime drifts with clock adjustments: allow some slack.
  return Math.abs(a.bootTime - b.bootTime) < 120;
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as { code?: string }).code === 'EPERM';
  }
}

/** Field 22 of /proc/<pid>/stat; undefined when the process is gone or a zombie (killed, not reaped). */
function startTicksOf(pid: number): number | undefined {
  if (process.platform !== 'linux') return 0;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'latin1');
    // The command name (field 2) may contain spaces and parentheses: split after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields[0] === 'Z' || fields[0] === 'X') return undefined;
    return Number(fields[19]);
  } catch {
    return undefined;
  }
}

function bootTime(): number {
  return Math.round(Date.now() / 1000 - os.uptime());
}

function bootId(): Buffer {
  try {
    const hex = fs.readFileSync('/proc/sys/kernel/random/boot_id', 'latin1').trim().replace(/-/g, '');
    if (/^[0-9a-f]{32}$/i.test(hex)) return Buffer.from(hex, 'hex');
  } catch {
    // not Linux, or /proc not mounted
  }
  return Buffer.alloc(16);
}
