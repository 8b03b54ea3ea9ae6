import type { FaultPoint, SaveStep } from './saveTypes';

/** Called at each step of a save or rollback; stops it there when a test asked to. */
export type Fault = (step: SaveStep) => void;

/**
 * A fault injector for `point` (a no-op without one). `kill` sends SIGKILL to the
 * whole process, which is what a crash looks like to the file: no cleanup runs.
 */
export function faultInjector(point: FaultPoint | undefined, pause: () => void = () => {}): Fault {
  if (!point) return () => {};
  let seen = 0;
  return (step) => {
    if (step !== point.step || ++seen !== point.after) return;
    if (point.action === 'pause') return pause();
    if (point.action === 'kill') process.kill(process.pid, 'SIGKILL');
    const err = new Error(`injected fault after ${point.after} x ${step}`) as Error & { code: string };
    err.code = 'EINJECTED';
    throw err;
  };
}
