// React building blocks shared by the web admin and the desktop app.
export { type NumberPart, NumberWithParts } from './number-with-parts.tsx';
export { Empty, ErrorState, Loading, type QueryLike, QueryView } from './query-states.tsx';
export { formatPercent, ScoreWithInterval } from './score-with-interval.tsx';
