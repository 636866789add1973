import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The parts of a V8 `.cpuprofile` (as `node --cpu-prof` writes it) a summary needs. */
interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    hitCount?: number;
    children?: number[];
  }[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileLine {
  frame: string;
  ms: number;
  share: number;
}

export interface ProfileSummary {
  totalMs: number;
  /** Where the samples were taken: the function on top of the stack. */
  self: ProfileLine[];
  /** Time with the function anywhere on the stack (each function once per sample). */
  inclusive: ProfileLine[];
  /** Self time by the package or folder the code lives in (`kysely`, `packages/api`, `(native)`). */
  byPlace: ProfileLine[];
}

function shortUrl(url: string): string {
  if (url === '') return '';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0)
    return url
      .slice(modules + 'node_modules/'.length)
      .replace(/^\.pnpm\/[^/]+\/node_modules\//, '');
  const main = url.indexOf('/work/main/');
  return main >= 0 ? url.slice(main + '/work/main/'.length) : url.replace(/^file:\/\//, '');
}

function placeOf(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  const short = shortUrl(url);
  if (url.includes('node_modules/')) {
    const parts = short.split('/');
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? short);
  }
  if (short.startsWith('node:')) return 'node:internal';
  const parts = short.split('/');
  return parts.slice(0, 2).join('/');
}

function lines(totals: Map<string, number>, totalMs: number, top: number): ProfileLine[] {
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([frame, ms]) => ({
      frame,
      ms: Math.round(ms),
      share: Math.round((ms / totalMs) * 1000) / 10,
    }));
}

/** The top frames of a CPU profile: self, inclusive and by place, in milliseconds and shares. */
export function summariseProfile(profile: CpuProfile, top = 25): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const frameOf = (id: number) => {
    const node = byId.get(id);
    if (node === undefined) return '?';
    const { functionName, url, lineNumber } = node.callFrame;
    return `${functionName || '(anonymous)'} ${shortUrl(url)}:${lineNumber + 1}`;
  };
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const byPlace = new Map<string, number>();
  let totalMs = 0;
  profile.samples.forEach((sample, index) => {
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    const node = byId.get(sample);
    if (node === undefined) return;
    if (node.callFrame.functionName === '(idle)') return;
    totalMs += ms;
    const frame = frameOf(sample);
    self.set(frame, (self.get(frame) ?? 0) + ms);
    const place = placeOf(node.callFrame.url, node.callFrame.functionName);
    byPlace.set(place, (byPlace.get(place) ?? 0) + ms);
    const seen = new Set<string>();
    for (let id: number | undefined = sample; id !== undefined; id = parent.get(id)) {
      const each = frameOf(id);
      if (seen.has(each)) continue;
      seen.add(each);
      inclusive.set(each, (inclusive.get(each) ?? 0) + ms);
    }
  });
  return {
    totalMs: Math.round(totalMs),
    self: lines(self, totalMs, top),
    inclusive: lines(inclusive, totalMs, top),
    byPlace: lines(byPlace, totalMs, top),
  };
}

/** The newest `.cpuprofile` in a folder. */
export function newestProfile(folder: string): string {
  const files = readdirSync(folder)
    .filter((name) => name.endsWith('.cpuprofile'))
    .map((name) => join(folder, name))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  const [newest] = files;
  if (newest === undefined) throw new Error(`no .cpuprofile in ${folder}`);
  return newest;
}

// `tsx src/cpu-profile-summary.ts <file or folder> [top]`: the summary as text.
if (import.meta.url === `file://${process.argv[1]}`) {
  const [target, top] = process.argv.slice(2);
  if (target === undefined) {
    console.error('usage: tsx src/cpu-profile-summary.ts <file.cpuprofile | folder> [top]');
    process.exit(2);
  }
  const file = statSync(target).isDirectory() ? newestProfile(target) : target;
  const summary = summariseProfile(
    JSON.parse(readFileSync(file, 'utf8')) as CpuProfile,
    Number(top ?? 25),
  );
  const print = (title: string, rows: ProfileLine[]) => {
    console.log(`\n${title}`);
    for (const row of rows)
      console.log(
        `${String(row.ms).padStart(8)} ms ${String(row.share).padStart(5)}%  ${row.frame}`,
      );
  };
  console.log(`${file}: ${summary.totalMs} ms on CPU (idle left out)`);
  print('by place (self)', summary.byPlace);
  print('self', summary.self);
  print('inclusive', summary.inclusive);
}
