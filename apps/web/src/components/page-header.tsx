import type { ReactNode } from 'react';

/** A page's title and the one sentence saying what it answers. */
export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <header className="page-header">
      <h1>{title}</h1>
      {children === undefined ? null : <p className="muted">{children}</p>}
    </header>
  );
}

/** A titled card on a page. */
export function Panel(props: {
  title: string;
  id?: string;
  children: ReactNode;
  wide?: boolean;
  actions?: ReactNode;
}) {
  const headingId = `${props.id ?? props.title.replace(/\W+/g, '-').toLowerCase()}-title`;
  return (
    <section className={`panel${props.wide ? ' wide' : ''}`} aria-labelledby={headingId}>
      <div className="panel-head">
        <h2 id={headingId}>{props.title}</h2>
        {props.actions}
      </div>
      {props.children}
    </section>
  );
}
