/** A share as people say it: `0.8` → `"80%"`, `0.955` → `"95.5%"`. */
export function formatShare(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}
