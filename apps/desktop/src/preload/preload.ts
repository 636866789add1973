import { contextBridge, ipcRenderer } from 'electron';
import {
  type BridgeOperation,
  type BridgeResponse,
  commandChannel,
  type DesktopCommand,
  invokeChannel,
  type SteadfastBridge,
} from '../shared/bridge.ts';

// The page gets exactly this: one call to send a tRPC operation over one channel, and one to hear
// the main process's commands. No ipcRenderer, no Node, nothing else.
const bridge: SteadfastBridge = {
  invoke: (operation: BridgeOperation) =>
    ipcRenderer.invoke(invokeChannel, operation) as Promise<BridgeResponse>,
  onCommand: (listener: (command: DesktopCommand) => void) => {
    const forward = (_event: Electron.IpcRendererEvent, command: DesktopCommand) =>
      listener(command);
    ipcRenderer.on(commandChannel, forward);
    return () => {
      ipcRenderer.removeListener(commandChannel, forward);
    };
  },
};

contextBridge.exposeInMainWorld('steadfast', bridge);
