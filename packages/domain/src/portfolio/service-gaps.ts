import { formatShare } from '../calibration/share-words.ts';
import { vagueWordsIn } from '../charter/vague-words.ts';

/** An account named in a finding, with what is wrong there. */
export interface GapAccount {
  accountId: string;
  accountName: string;
  note: string;
}

/** One part of a gap's number, so that every figure can be opened. */
export interface GapPart {
  label: string;
  value: number;
}

export const serviceGapAreas = [
  'knowledge',
  'standards',
  'delivery',
  'communication',
  'perception',
] as const;
export type ServiceGapArea = (typeof serviceGapAreas)[number];

/** `gap`: act on it; `watch`: short of good; `fine`; `unknown`: nothing to judge by yet. */
export type GapStatus = 'gap' | 'watch' | 'fine' | 'unknown';

/** One of the five service-quality gaps: a headline share, what it is made of, and where. */
export interface ServiceGap {
  area: ServiceGapArea;
  /** The headline share (0–1, higher is better); null when nothing could be measured. */
  measure: number | null;
  status: GapStatus;
  words: string;
  parts: GapPart[];
  accounts: GapAccount[];
}

/** A charter term as the standards gap looks at it. */
export interface TermFacts {
  accountId: string;
  accountName: string;
  termId: string;
  metric: string;
  description: string | null;
  /** Observations of the term in the window. */
  observations: number;
}

/** What the five gaps are judged from; each list is already bounded by the reads that made it. */
export interface ServiceGapFacts {
  /** Accounts being served (onboarding, active, at risk). */
  servedAccounts: number;
  withoutCharter: Omit<GapAccount, 'note'>[];
  withoutClientExpectation: Omit<GapAccount, 'note'>[];
  overdueReviews: (Omit<GapAccount, 'note'> & { daysOverdue: number })[];
  terms: TermFacts[];
  /** Charter compliance per account with a charter and observations in the window. */
  compliance: (Omit<GapAccount, 'note'> & { share: number })[];
  outcomes: { keptOnTime: number; closed: number };
  /** Captures shown a calibration range with a proposed date, and those whose chance was below one half. */
  captures: { proposed: number; tighterThanRecord: number };
  slips: { total: number; announced: number };
  satisfaction: { scored: number; normalisedSum: number };
}

/** Below `gap` a share is a gap, below `watch` worth watching. */
const bands = { gap: 0.7, watch: 0.9 } as const;

function statusOf(measure: number | null): GapStatus {
  if (measure === null) return 'unknown';
  if (measure < bands.gap) return 'gap';
  return measure < bands.watch ? 'watch' : 'fine';
}

const share = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);
const shown = (measure: number | null) =>
  measure === null ? 'not measured' : formatShare(measure);

/** Why a term cannot be checked in practice: wording that leans on vague words, or no measurement. */
export function unmeasurableReason(term: TermFacts): string | null {
  const vague = term.description === null ? [] : vagueWordsIn(term.description);
  if (vague.length > 0) {
    return `worded with ${vague.map((word) => `"${word}"`).join(', ')}, which nobody can check`;
  }
  if (term.observations === 0) return 'never measured in the period: no observation was posted';
  return null;
}

function overdueWords(count: number): string {
  if (count === 0) return 'no charter review is overdue';
  return count === 1 ? '1 charter review is overdue' : `${count} charter reviews are overdue`;
}

function knowledgeGap(facts: ServiceGapFacts): ServiceGap {
  const unknown = new Map<string, GapAccount>();
  for (const account of facts.withoutCharter)
    unknown.set(account.accountId, { ...account, note: 'no service charter' });
  for (const account of facts.withoutClientExpectation)
    unknown.set(account.accountId, { ...account, note: 'charter without the client’s own words' });
  const overdue = facts.overdueReviews.map((account) => ({
    accountId: account.accountId,
    accountName: account.accountName,
    note: `charter review ${account.daysOverdue} days overdue`,
  }));
  const known = Math.max(0, facts.servedAccounts - unknown.size);
  const measure = share(known, facts.servedAccounts);
  return {
    area: 'knowledge',
    measure,
    status: overdue.length > 0 && statusOf(measure) === 'fine' ? 'watch' : statusOf(measure),
    words: `We know what good service means to ${known} of ${facts.servedAccounts} served accounts (${shown(measure)}); ${overdueWords(overdue.length)}.`,
    parts: [
      { label: 'served accounts', value: facts.servedAccounts },
      { label: 'without a charter', value: facts.withoutCharter.length },
      { label: 'without client-stated expectations', value: facts.withoutClientExpectation.length },
      { label: 'reviews overdue', value: overdue.length },
    ],
    accounts: [...unknown.values(), ...overdue],
  };
}

function standardsGap(facts: ServiceGapFacts): ServiceGap {
  const unmeasurable = facts.terms.flatMap((term) => {
    const reason = unmeasurableReason(term);
    return reason === null
      ? []
      : [
          {
            accountId: term.accountId,
            accountName: term.accountName,
            note: `${term.metric}: ${reason}`,
          },
        ];
  });
  const measurable = facts.terms.length - unmeasurable.length;
  const measure = share(measurable, facts.terms.length);
  return {
    area: 'standards',
    measure,
    status: statusOf(measure),
    words: `${measurable} of ${facts.terms.length} charter terms are measurable and measured (${shown(measure)}).`,
    parts: [
      { label: 'charter terms', value: facts.terms.length },
      { label: 'vague or never measured', value: unmeasurable.length },
    ],
    accounts: unmeasurable,
  };
}

function deliveryGap(facts: ServiceGapFacts): ServiceGap {
  const onTime = share(facts.outcomes.keptOnTime, facts.outcomes.closed);
  const compliance =
    facts.compliance.length === 0
      ? null
      : facts.compliance.reduce((sum, account) => sum + account.share, 0) / facts.compliance.length;
  const measures = [onTime, compliance].filter((value): value is number => value !== null);
  const measure = measures.length === 0 ? null : Math.min(...measures);
  return {
    area: 'delivery',
    measure,
    status: statusOf(measure),
    words: `${shown(onTime)} of promises were kept on time; charters were kept ${shown(compliance)} of the time on average.`,
    parts: [
      { label: 'promises kept on time', value: facts.outcomes.keptOnTime },
      { label: 'promises closed', value: facts.outcomes.closed },
      { label: 'accounts with charter measurements', value: facts.compliance.length },
    ],
    accounts: facts.compliance
      .filter((account) => account.share < bands.watch)
      .sort((a, b) => a.share - b.share)
      .map((account) => ({
        accountId: account.accountId,
        accountName: account.accountName,
        note: `charter kept ${formatShare(account.share)} of the time`,
      })),
  };
}

function communicationGap(facts: ServiceGapFacts): ServiceGap {
  const announced = share(facts.slips.announced, facts.slips.total);
  const realistic = share(
    facts.captures.proposed - facts.captures.tighterThanRecord,
    facts.captures.proposed,
  );
  const measures = [announced, realistic].filter((value): value is number => value !== null);
  const measure = measures.length === 0 ? null : Math.min(...measures);
  return {
    area: 'communication',
    measure,
    status: statusOf(measure),
    words: `${facts.slips.total - facts.slips.announced} of ${facts.slips.total} slips reached the customer unannounced; ${
      facts.captures.proposed === 0
        ? 'no promised date was checked against the record at capture'
        : `${facts.captures.tighterThanRecord} of ${facts.captures.proposed} promised dates were tighter than the record supports`
    }.`,
    parts: [
      { label: 'slips', value: facts.slips.total },
      { label: 'announced before the deadline', value: facts.slips.announced },
      { label: 'dates proposed at capture', value: facts.captures.proposed },
      {
        label: 'tighter than the record (under 50% chance)',
        value: facts.captures.tighterThanRecord,
      },
    ],
    accounts: [],
  };
}

function perceptionGap(facts: ServiceGapFacts): ServiceGap {
  const perceived = share(facts.satisfaction.normalisedSum, facts.satisfaction.scored);
  const delivered = share(facts.outcomes.keptOnTime, facts.outcomes.closed);
  // Perception is judged against what was delivered: customers rating us well below our own
  // record means the expectation they hold is not the one we measure ourselves against.
  const measure =
    perceived === null ? null : delivered === null ? perceived : Math.min(1, perceived / delivered);
  const words =
    perceived === null
      ? 'No satisfaction scores in the period: perception is not known.'
      : `Customers rate us ${formatShare(perceived)} on average against ${shown(delivered)} of promises kept on time.`;
  return {
    area: 'perception',
    measure,
    status: statusOf(measure),
    words,
    parts: [
      { label: 'scored satisfaction signals', value: facts.satisfaction.scored },
      { label: 'sum of normalised scores', value: facts.satisfaction.normalisedSum },
    ],
    accounts: [],
  };
}

/**
 * The five service-quality gaps, each a share where 1 is no gap: knowledge (served accounts whose
 * client-stated expectations we hold), standards (charter terms measurable and measured), delivery
 * (the lower of the on-time share and mean charter compliance), communication (the lower of the
 * announced share of slips and the share of proposed dates the record supports), perception
 * (mean satisfaction ÷ on-time share, at most 1). Below 70% is a gap, below 90% worth watching.
 */
export function serviceQualityGaps(facts: ServiceGapFacts): ServiceGap[] {
  return [
    knowledgeGap(facts),
    standardsGap(facts),
    deliveryGap(facts),
    communicationGap(facts),
    perceptionGap(facts),
  ];
}
