import { writeFileSync } from 'node:fs';
import type { BenchFigure, HistoryScale } from './figure.ts';

function formatNumber(value: number): string {
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en-US');
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/** The figures as a plain-text table: one line each, baseline and ratio beside the value. */
export function formatTable(figures: readonly BenchFigure[]): string {
  const rows = figures.map((figure) => [
    figure.suite,
    figure.name,
    `${formatNumber(figure.value)} ${figure.unit}`,
    figure.baseline === null
      ? '—'
      : `${formatNumber(figure.baseline.value)} ${figure.baseline.unit} (${figure.baseline.name})`,
    figure.ratio === null ? '—' : `${figure.ratio.toFixed(2)}×`,
    figure.goal.text,
    figure.goal.met ? 'met' : 'NOT MET',
  ]);
  const header = ['suite', 'figure', 'value', 'baseline (same run)', 'ratio', 'goal', ''];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join(
    '\n',
  );
}

export interface BenchResults {
  measuredAt: string;
  machine: { node: string; platform: string; cpus: number; cpuModel: string; memoryGiB: number };
  scale: HistoryScale;
  figures: BenchFigure[];
}

export function writeResults(file: string, results: BenchResults): void {
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}
