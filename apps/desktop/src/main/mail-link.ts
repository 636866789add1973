/**
 * A `mailto:` link that opens the person's mail client with the notice filled in. Spaces are
 * `%20` (not `+`, which mail clients show literally) and line breaks CRLF, per RFC 6068.
 */
export function mailtoLink(message: { to: string | null; subject: string; body: string }): string {
  const encode = (text: string) => encodeURIComponent(text.replace(/\r?\n/g, '\r\n'));
  const to = message.to === null ? '' : encodeURIComponent(message.to).replace(/%40/g, '@');
  return `mailto:${to}?subject=${encode(message.subject)}&body=${encode(message.body)}`;
}
