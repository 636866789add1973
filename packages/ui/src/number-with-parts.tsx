import { type ReactNode, useId, useState } from 'react';

/** One part of a number: what it is and how much of the number it makes. */
export interface NumberPart {
  label: string;
  value: ReactNode;
  /** Why this part is what it is, in words. */
  explanation?: string;
}

/**
 * A number that opens to show its parts: a button (keyboard reachable, aria-expanded) that
 * discloses the parts and an optional sentence saying how they make the number.
 */
export function NumberWithParts(props: {
  value: ReactNode;
  /** What the number is, for the button's accessible name ("Company trust: 72"). */
  label: string;
  parts: readonly NumberPart[];
  formula?: string;
  className?: string;
}) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <span className={`sf-parts ${props.className ?? ''}`}>
      <button
        type="button"
        className="sf-parts-toggle"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={`${props.label}: ${typeof props.value === 'string' || typeof props.value === 'number' ? props.value : ''} — ${open ? 'hide' : 'show'} its parts`}
        onClick={() => setOpen((was) => !was)}
      >
        <span className="sf-parts-value">{props.value}</span>
        <span className="sf-parts-caret" aria-hidden="true">
          {open ? '▴' : '▾'}
        </span>
      </button>
      {open ? (
        <span className="sf-parts-panel" id={panelId}>
          {props.formula === undefined ? null : (
            <span className="sf-parts-formula">{props.formula}</span>
          )}
          <span className="sf-parts-list">
            {props.parts.map((part) => (
              <span className="sf-parts-row" key={part.label}>
                <span className="sf-parts-label">{part.label}</span>
                <span className="sf-parts-amount">{part.value}</span>
                {part.explanation === undefined ? null : (
                  <span className="sf-parts-explanation">{part.explanation}</span>
                )}
              </span>
            ))}
          </span>
        </span>
      ) : null}
    </span>
  );
}
