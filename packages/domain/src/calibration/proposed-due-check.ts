import { describeBusinessMinutesExactly } from './business-duration-words.ts';
import type { Calibration } from './calibrate.ts';
import { describeQuantile } from './calibrate.ts';
import type { CalibrationSettings } from './calibration-settings.ts';
import { formatShare } from './share-words.ts';
import { chanceOfKeeping, type DurationQuantile, durationQuantile } from './survival-queries.ts';

/**
 * `supported`: the record keeps such promises at least `requiredChance` of the time within the
 * proposed duration. `tighter_than_record`: it does not. `no_record`: nothing was ever fulfilled
 * in the scope, so there is nothing to judge by.
 */
export type ProposedDueVerdict = 'supported' | 'tighter_than_record' | 'no_record';

/** The answer to "can I promise this in N business minutes?", with the figures behind it. */
export interface ProposedDueCheck {
  proposedMinutes: number;
  verdict: ProposedDueVerdict;
  /** F(proposed) = 1 − S(proposed): the share of such promises fulfilled within that long. */
  chanceOfKeeping: number;
  requiredChance: number;
  /** The duration the record supports at the required chance (e.g. the 80% duration). */
  supportedDuration: DurationQuantile;
  /** A plain-words warning when the proposal is tighter than the record, or cannot be judged. */
  warning: string | null;
  /** One sentence for the capture screen, in every case. */
  summary: string;
}

/**
 * Whether a proposed duration is realistic: its chance F(t) = 1 − S(t) against the required chance
 * (0.8 by default); below it the proposal is shorter than the duration the record supports.
 */
export function checkProposedDue(options: {
  calibration: Calibration;
  proposedMinutes: number;
  settings: CalibrationSettings;
}): ProposedDueCheck {
  const { calibration, proposedMinutes, settings } = options;
  const { requiredChance, businessDayMinutes } = settings;
  const chance = chanceOfKeeping(calibration.curve, proposedMinutes);
  const supportedDuration = durationQuantile(calibration.curve, requiredChance);
  const record = describeQuantile({
    quantile: supportedDuration,
    scope: calibration.scope,
    sample: calibration.sample,
    businessDayMinutes,
  }).replace(/\.$/, '');
  const proposal = `you are proposing ${describeBusinessMinutesExactly(proposedMinutes, businessDayMinutes)}`;
  const base = { proposedMinutes, chanceOfKeeping: chance, requiredChance, supportedDuration };

  if (calibration.sample.fulfilled === 0) {
    return {
      ...base,
      verdict: 'no_record',
      warning: `${record}: ${proposal} with nothing to check it against.`,
      summary: `${record}.`,
    };
  }

  const caveat = calibration.scope.sufficient
    ? ''
    : ` (only ${calibration.sample.fulfilled} fulfilled on record: a rough guide)`;
  const odds = `on this record, the chance of keeping it is ${formatShare(chance)}${caveat}`;
  // Read against the supported duration rather than `chance < requiredChance`: the quantile
  // already absorbs the rounding in S(t), so proposing exactly the 80% duration is never "tighter".
  const tighter = !supportedDuration.reached || proposedMinutes < supportedDuration.minutes;
  if (tighter) {
    return {
      ...base,
      verdict: 'tighter_than_record',
      warning: `${record}; ${proposal}: ${odds}.`,
      summary: `Tighter than the record: ${odds}.`,
    };
  }
  return {
    ...base,
    verdict: 'supported',
    warning: null,
    summary: `Realistic: ${odds}.`,
  };
}
