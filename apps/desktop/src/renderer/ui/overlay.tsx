import { type ReactNode, useEffect } from 'react';

/** A calm sheet over the screen; Escape closes it. */
export function Overlay(props: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
}) {
  const { onClose } = props;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        onClose();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="overlay" role="presentation">
      <section
        className={props.wide ? 'sheet sheet-wide' : 'sheet'}
        role="dialog"
        aria-modal="true"
        aria-label={props.title}
      >
        <header className="sheet-header">
          <h2>{props.title}</h2>
          <button type="button" className="quiet" onClick={onClose} aria-label="Close">
            Esc
          </button>
        </header>
        {props.children}
      </section>
    </div>
  );
}
