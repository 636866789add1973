import { NumberWithParts, ScoreWithInterval } from '@steadfast/ui';
import type { RouterOutputs } from '../../trpc.ts';

type TrustScore = RouterOutputs['trust']['company']['score'];

const componentNames: Record<string, string> = {
  reliability: 'Reliability',
  consistency: 'Consistency',
  proactivity: 'Proactivity',
  charter: 'Charter compliance',
};

/**
 * A trust score with its interval; the number opens to show the points each component brings,
 * and below it every component is explained in words.
 */
export function TrustBreakdown({ score, label }: { score: TrustScore; label: string }) {
  return (
    <div className="trust-breakdown">
      <div className="trust-headline">
        <ScoreWithInterval
          score={score.score}
          low={score.interval.low}
          high={score.interval.high}
          label={label}
          size="large"
        />
        <NumberWithParts
          label={label}
          value={`${score.score.toFixed(1)} points`}
          formula={`The score is the sum of each component's value × its weight × 100. Likely between ${score.interval.low.toFixed(1)} and ${score.interval.high.toFixed(1)} (${Math.round(score.interval.mass * 100)}% credible interval).`}
          parts={score.components.map((component) => ({
            label: `${componentNames[component.name] ?? component.name} (${Math.round(component.value * 100)}% × weight ${component.weight.toFixed(2)})`,
            value: `${component.contribution.toFixed(1)} pts`,
          }))}
        />
      </div>
      <ul className="component-list" aria-label={`Why ${label} is what it is`}>
        {score.components.map((component) => (
          <li key={component.name}>
            <div className="component-head">
              <strong>{componentNames[component.name] ?? component.name}</strong>
              <span className="component-points">
                {Math.round(component.value * 100)}% · {component.contribution.toFixed(1)} pts
              </span>
            </div>
            <div className="meter" aria-hidden="true">
              <span style={{ width: `${Math.round(component.value * 100)}%` }} />
            </div>
            <p>{component.explanation}</p>
          </li>
        ))}
        {score.notCounted.map((left) => (
          <li key={left.name} className="not-counted">
            <strong>{componentNames[left.name] ?? left.name}</strong>: not counted. {left.reason}
          </li>
        ))}
      </ul>
    </div>
  );
}
