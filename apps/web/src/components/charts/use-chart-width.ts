import { type RefObject, useLayoutEffect, useRef, useState } from 'react';

/**
 * The width of the element the chart is drawn in, followed as the page resizes: charts draw at
 * their real pixel size so their 12px labels stay 12px. 0 until the first measure.
 */
export function useChartWidth<Element extends HTMLElement>(): [RefObject<Element | null>, number] {
  const ref = useRef<Element>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (element === null) return;
    setWidth(Math.floor(element.getBoundingClientRect().width));
    const observer = new ResizeObserver(([entry]) => {
      if (entry !== undefined) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
