import type { ReactNode } from 'react';

/** Something is being fetched: said in words for screen readers, shown as a quiet line. */
export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className="sf-state sf-loading" role="status" aria-live="polite">
      <span className="sf-spinner" aria-hidden="true" />
      {label}
    </p>
  );
}

/** Nothing to show yet, and what would make something appear. */
export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="sf-state sf-empty">
      <p className="sf-empty-title">{title}</p>
      {children === undefined ? null : <p className="sf-empty-hint">{children}</p>}
    </div>
  );
}

/** A read failed: what went wrong in the server's words, and a way to try again. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const raw = error instanceof Error ? error.message : 'Something went wrong.';
  // The browser's words for a request that never reached the server mean nothing to a reader.
  const message = /failed to fetch|networkerror|load failed/i.test(raw)
    ? 'The server could not be reached; check the connection.'
    : raw;
  return (
    <div className="sf-state sf-error" role="alert">
      <p>
        <strong>Could not load this.</strong> {message}
      </p>
      {onRetry === undefined ? null : (
        <button type="button" className="sf-button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** The parts of a query result these states need (TanStack Query's result has them). */
export interface QueryLike<T> {
  status: 'pending' | 'error' | 'success';
  data: T | undefined;
  error: unknown;
  refetch: () => unknown;
}

/**
 * Shows a query's loading, error and empty states, and its content once there is some. `isEmpty`
 * says when a successful answer holds nothing worth drawing.
 */
export function QueryView<T>(props: {
  query: QueryLike<T>;
  loadingLabel?: string;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  const { query } = props;
  if (query.status === 'pending') return <Loading label={props.loadingLabel} />;
  if (query.status === 'error' || query.data === undefined) {
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  if (props.isEmpty?.(query.data)) return <>{props.empty ?? <Empty title="Nothing here yet." />}</>;
  return <>{props.children(query.data)}</>;
}
