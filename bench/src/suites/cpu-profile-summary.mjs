// Prints the functions with the most self time in a .cpuprofile: `node cpu-profile-summary.mjs F [n]`.
import { readFileSync } from 'node:fs';

const [file, topText] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const self = new Map();
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const dt = profile.timeDeltas;
const counts = new Map();
for (const [index, id] of profile.samples.entries())
  counts.set(id, (counts.get(id) ?? 0) + (dt[index] ?? 0));
let total = 0;
for (const [id, micros] of counts) {
  const node = byId.get(id);
  const frame = node.callFrame;
  const where = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').slice(-2).join('/')}:${frame.lineNumber + 1}`;
  self.set(where, (self.get(where) ?? 0) + micros);
  total += micros;
}
const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(topText ?? 25));
console.log(`total ${(total / 1000).toFixed(0)} ms sampled`);
for (const [where, micros] of top) {
  console.log(
    `${((100 * micros) / total).toFixed(1).padStart(5)}%  ${(micros / 1000).toFixed(0).padStart(6)} ms  ${where}`,
  );
}
