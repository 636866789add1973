/** A 0–100 score and its credible interval: the number, the range in words, and a bar. */
export function ScoreWithInterval(props: {
  score: number;
  low: number;
  high: number;
  /** What is scored, e.g. "Company trust". */
  label: string;
  size?: 'large' | 'small';
}) {
  const { score, low, high } = props;
  const clamp = (value: number) => Math.max(0, Math.min(100, value));
  return (
    <span
      className={`sf-score sf-score-${props.size ?? 'small'}`}
      title={`${props.label}: ${score.toFixed(1)}, likely between ${low.toFixed(1)} and ${high.toFixed(1)}`}
    >
      <span className="sf-score-number" data-score={score.toFixed(1)}>
        {Math.round(score)}
      </span>
      <span className="sf-score-range">
        {Math.round(low)}–{Math.round(high)}
      </span>
      <span className="sf-score-bar" aria-hidden="true">
        <span
          className="sf-score-band"
          style={{ left: `${clamp(low)}%`, width: `${clamp(high) - clamp(low)}%` }}
        />
        <span className="sf-score-mark" style={{ left: `${clamp(score)}%` }} />
      </span>
    </span>
  );
}

/** A share 0–1 as people say it: 0.845 → "84.5%"; null → "—". */
export function formatPercent(share: number | null | undefined, digits = 0): string {
  if (share === null || share === undefined || Number.isNaN(share)) return '—';
  return `${(share * 100).toFixed(digits)}%`;
}
