import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, withContentSecurityPolicy } from './content-security-policy.ts';
import { isAppPage, isExternalLinkAllowed, secureWebPreferences } from './window-options.ts';

describe('the window and its page', () => {
  it('keeps the renderer isolated, sandboxed and without Node', () => {
    expect(secureWebPreferences('/app/preload.cjs')).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
    });
  });

  it('allows only its own scripts: no inline script, no eval, no network from the page', () => {
    expect(contentSecurityPolicy).toContain("default-src 'none'");
    expect(contentSecurityPolicy).toContain("script-src 'self'");
    expect(contentSecurityPolicy).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    expect(contentSecurityPolicy).toContain("connect-src 'none'");
  });

  it('sets the policy on every response, replacing one already there', () => {
    expect(
      withContentSecurityPolicy({
        'content-security-policy': ['default-src *'],
        'x-other': 'kept',
      }),
    ).toEqual({ 'x-other': 'kept', 'Content-Security-Policy': [contentSecurityPolicy] });
  });

  it('navigates only within the app, and hands only mail and https links to the system', () => {
    const app = 'file:///opt/steadfast/renderer/index.html';
    expect(isAppPage('file:///opt/steadfast/renderer/index.html#/today', app)).toBe(true);
    expect(isAppPage('https://evil.example/', app)).toBe(false);
    expect(isExternalLinkAllowed('mailto:pat@example.com?subject=x')).toBe(true);
    expect(isExternalLinkAllowed('https://steadfast.example.com')).toBe(true);
    expect(isExternalLinkAllowed('file:///etc/passwd')).toBe(false);
    expect(isExternalLinkAllowed('javascript:alert(1)')).toBe(false);
  });
});
