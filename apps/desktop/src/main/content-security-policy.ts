/**
 * The renderer may load only its own bundled files: no inline or remote script, no eval, no
 * frames, no plugins, no form posts anywhere. It talks to nothing over the network itself (every
 * call goes over IPC), so `connect-src` is `'none'`. Inline styles are allowed for React's
 * `style` props only.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** Response headers with the policy set, replacing any policy already there. */
export function withContentSecurityPolicy(
  headers: Record<string, string[] | string> | undefined,
): Record<string, string[] | string> {
  const kept = Object.fromEntries(
    Object.entries(headers ?? {}).filter(
      ([name]) => name.toLowerCase() !== 'content-security-policy',
    ),
  );
  return { ...kept, 'Content-Security-Policy': [contentSecurityPolicy] };
}
