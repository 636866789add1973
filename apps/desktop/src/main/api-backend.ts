import type { BridgeOperation, BridgeResponse } from '../shared/bridge.ts';

/** Where the renderer's API calls go: the API in this process (local mode) or a server (team mode). */
export interface ApiBackend {
  kind: 'local' | 'team';
  call(operation: BridgeOperation): Promise<BridgeResponse>;
  close(): Promise<void>;
}
