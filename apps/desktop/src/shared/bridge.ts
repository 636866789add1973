/**
 * The one narrow bridge between the renderer and the main process. The renderer sends tRPC
 * operations over it and hears commands (the quick-capture shortcut, a notification clicked);
 * nothing else of the main process is reachable from the page.
 */

/** One tRPC call as the renderer's link sends it: the same shape for every procedure. */
export interface BridgeOperation {
  id: number;
  type: 'query' | 'mutation';
  path: string;
  input: unknown;
}

/** The error shape every Steadfast client gets: `{ message, code, data: { httpStatus, fieldErrors, … } }`. */
export interface BridgeErrorShape {
  message: string;
  code: number;
  data: {
    code: string;
    httpStatus: number;
    path?: string;
    errorCode: string;
    fieldErrors: Record<string, string[]>;
    details: Record<string, unknown>;
  };
}

/** The answer to one operation: its data, or the error shaped by the API's errorFormatter. */
export type BridgeResponse =
  | { id: number; result: { data: unknown } }
  | { id: number; error: BridgeErrorShape };

/** What the main process asks the window to do. */
export type DesktopCommand =
  | { type: 'quick-capture' }
  | { type: 'open-promise'; promiseId: string };

/** The channel the one IPC handler listens on, and the one commands arrive on. */
export const invokeChannel = 'steadfast:invoke';
export const commandChannel = 'steadfast:command';

/** What the preload exposes as `window.steadfast`. */
export interface SteadfastBridge {
  invoke(operation: BridgeOperation): Promise<BridgeResponse>;
  /** Listens for commands from the main process; returns the function that stops listening. */
  onCommand(listener: (command: DesktopCommand) => void): () => void;
}
