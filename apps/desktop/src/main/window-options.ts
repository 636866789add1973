/**
 * The renderer is a web page with no Node of its own: isolated from the preload's world,
 * sandboxed, no Node integration (also not in workers or subframes), no remote content.
 */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: true,
  } as const;
}

/** Only the app's own pages may be shown in the window; anything else is refused. */
export function isAppPage(url: string, appUrl: string): boolean {
  try {
    const target = new URL(url);
    const app = new URL(appUrl);
    return target.protocol === app.protocol && target.host === app.host;
  } catch {
    return false;
  }
}

/** Links the app may hand to the system: the mail client, and web pages in the browser. */
export function isExternalLinkAllowed(url: string): boolean {
  return /^(mailto:|https:\/\/)/i.test(url);
}
