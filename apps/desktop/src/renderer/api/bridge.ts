import type { SteadfastBridge } from '../../shared/bridge.ts';

declare global {
  interface Window {
    /** The one bridge the preload exposes (or, in the browser tests, the test bridge). */
    steadfast?: SteadfastBridge;
  }
}

/** The bridge to the main process; the page cannot work without it, so its absence is an error. */
export function steadfastBridge(): SteadfastBridge {
  const bridge = window.steadfast;
  if (bridge === undefined) {
    throw new Error('Steadfast runs inside its desktop app: the bridge to it is missing.');
  }
  return bridge;
}
