// @open-wc/testing imports @web/test-runner-commands, which only works under Web Test Runner.
// Snapshots are not used here; the stub keeps the module graph loadable under Vite.
const unavailable = (): never => {
  throw new Error('Web Test Runner commands are not available under Vitest');
};
export const getSnapshot = unavailable;
export const getSnapshotConfig = unavailable;
export const saveSnapshot = unavailable;
