import type { ReactNode } from 'react';

/** A one-line message: what happened, a warning, or a problem to fix. */
export function NoticeLine(props: {
  tone: 'info' | 'warning' | 'problem' | 'done';
  children: ReactNode;
  testId?: string;
}) {
  return (
    <p
      className={`notice notice-${props.tone}`}
      role={props.tone === 'problem' ? 'alert' : 'status'}
      data-testid={props.testId}
    >
      {props.children}
    </p>
  );
}
