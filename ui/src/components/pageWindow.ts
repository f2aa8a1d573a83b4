// Windowing for a long list that scrolls with its page (the inbox): only the rows in view, plus
// some above and below, are in the DOM; the rest is padding of the right height. Rows must have a
// fixed height. Unlike VirtualList (a listbox with its own scroll box), the rows stay ordinary
// Tab stops: focusing the last rendered row scrolls it into view, which renders the next ones.
import { useEffect, useState, type MutableRef } from 'preact/hooks';

/** The first and last index (inclusive) to render when the list's top is at `listTop` in a viewport of `viewport` px. */
export function pageWindow(listTop: number, viewport: number, rowHeight: number, count: number, overscan: number) {
  if (count === 0) return { first: 0, last: -1 };
  const above = Math.max(0, -listTop);
  const first = Math.max(0, Math.floor(above / rowHeight) - overscan);
  // How far down the list the viewport's bottom edge falls.
  const below = viewport - listTop;
  const last = Math.min(count - 1, Math.ceil(below / rowHeight) + overscan);
  return { first, last: Math.max(first, last) };
}

/** The window of `count` rows of `rowHeight` px in the list `ref`, kept up to date on scroll and resize. */
export function usePageWindow(ref: MutableRef<HTMLElement | null>, count: number, rowHeight: number, overscan = 8) {
  const [range, setRange] = useState(() => pageWindow(0, window.innerHeight || 800, rowHeight, count, overscan));
  useEffect(() => {
    const update = () => {
      const el = ref.current;
      const top = el ? el.getBoundingClientRect().top : 0;
      const next = pageWindow(top, window.innerHeight || 800, rowHeight, count, overscan);
      setRange((r) => (r.first === next.first && r.last === next.last ? r : next));
    };
    update();
    // Capture: the page scrolls in its main container, not the window.
    window.addEventListener('scroll', update, { capture: true, passive: true });
    window.addEventListener('resize', update);
    return () => {
      window.removeEventListener('scroll', update, { capture: true });
      window.removeEventListener('resize', update);
    };
  }, [ref, count, rowHeight, overscan]);
  return range;
}
