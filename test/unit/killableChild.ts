import { spawn } from 'child_process';

/** How a child ended, with what it wrote to stderr. */
export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Runs `script` with Node and `args`, `env` added; SIGKILLs it after `killAfterMs` if given. */
export function runKillable(script: string, args: string[], env: Record<string, string>, killAfterMs?: number): Promise<ChildExit> {
  const child = spawn(process.execPath, [script, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  // 'close' comes once the process is reaped and its output drained: its pid is gone.
  return new Promise((resolve) => child.on('close', (code, signal) => {
    clearTimeout(timer);
    resolve({ code, signal, stderr });
  }));
}
