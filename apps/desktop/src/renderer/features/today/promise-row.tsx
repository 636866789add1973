import { formatDeadline, formatFromNow } from '../../ui/format.ts';
import type { PromiseSummary } from './today-sections.ts';

/** One promise in a list: what, for whom, by when, and what has been done about it. */
export function PromiseRow(props: {
  promise: PromiseSummary;
  accountName: string;
  selected: boolean;
  onSelect: () => void;
}) {
  const { promise } = props;
  const late = Date.parse(promise.dueDeadline) < Date.now();
  return (
    <li
      className={props.selected ? 'promise-row selected' : 'promise-row'}
      aria-current={props.selected ? 'true' : undefined}
      data-promise-id={promise.id}
    >
      <div className="promise-main">
        <button type="button" className="promise-title" onClick={props.onSelect}>
          {promise.title}
        </button>
        <span className="promise-meta">
          {props.accountName} · {promise.kind}
          {promise.importance !== 'normal' && ` · ${promise.importance}`}
        </span>
      </div>
      <div className="promise-chips">
        {promise.atRisk && <span className="chip chip-risk">at risk</span>}
        {promise.lastInformedAt !== null && <span className="chip chip-told">customer told</span>}
        {promise.renegotiationCount > 0 && (
          <span className="chip">renegotiated ×{promise.renegotiationCount}</span>
        )}
      </div>
      <div className={late ? 'promise-due late' : 'promise-due'}>
        <span>{formatDeadline(promise.dueDeadline)}</span>
        <span className="muted">{formatFromNow(promise.dueDeadline)}</span>
      </div>
    </li>
  );
}
