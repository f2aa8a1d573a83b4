import { Fragment, type ComponentChild } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

export type VirtualRowProps = {
  /** Spread on the row's root element: role, position, roving tab stop and the ARIA position. */
  role: 'option';
  id: string;
  tabIndex: number;
  'aria-posinset': number;
  'aria-setsize': number;
  'aria-selected': 'true' | 'false';
  'data-index': number;
  style: string;
  onFocus: () => void;
};

type Props<T> = {
  items: readonly T[];
  /** Every row's height in px (fixed: what makes windowing exact). */
  rowHeight: number;
  /** The viewport's height in px: how many rows are visible. */
  height: number;
  /** Rows rendered beyond each edge of the viewport. */
  overscan?: number;
  /** The list's accessible name. */
  label: string;
  getKey: (item: T, index: number) => string | number;
  renderRow: (item: T, index: number, row: VirtualRowProps) => ComponentChild;
  /** Enter on a row (Space too): what a click on it does. */
  onActivate?: (item: T, index: number) => void;
  /** Prefix of the rows' ids (unique on the page). */
  idPrefix?: string;
  testid?: string;
  class?: string;
};

/** The first and last index (inclusive) to render for a scroll position. */
export function windowOf(scrollTop: number, height: number, rowHeight: number, count: number, overscan: number) {
  if (count === 0) return { first: 0, last: -1 };
  const top = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const visible = Math.max(1, Math.ceil(height / rowHeight));
  return { first: Math.max(0, top - overscan), last: Math.min(count - 1, top + visible + overscan) };
}

/**
 * A long list that keeps only the rows in view (plus `overscan`) in the DOM. It is a listbox with
 * one tab stop: Up/Down, Page Up/Down, Home/End move the focus across all rows, rendering and
 * scrolling to rows that were not in the DOM yet; each row says its position (aria-posinset of
 * aria-setsize), so screen readers count the whole list.
 */
export function VirtualList<T>({
  items,
  rowHeight,
  height,
  overscan = 6,
  label,
  getKey,
  renderRow,
  onActivate,
  idPrefix = 'vrow',
  testid,
  class: className,
}: Props<T>) {
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [active, setActive] = useState(0);
  // Set when the keyboard moved: focus that row once it is rendered.
  const pendingFocus = useRef<number | null>(null);
  const count = items.length;
  const current = Math.min(active, Math.max(0, count - 1));

  useEffect(() => {
    if (active >= count && count > 0) setActive(count - 1);
  }, [active, count]);

  const { first, last } = windowOf(scrollTop, height, rowHeight, count, overscan);

  const scrollInto = (index: number) => {
    const el = viewport.current;
    const top = index * rowHeight;
    let next = scrollTop;
    if (top < scrollTop) next = top;
    else if (top + rowHeight > scrollTop + height) next = top + rowHeight - height;
    if (next !== scrollTop) {
      if (el) el.scrollTop = next;
      setScrollTop(next);
    }
  };

  const moveTo = (index: number) => {
    if (count === 0) return;
    const i = Math.max(0, Math.min(count - 1, index));
    setActive(i);
    pendingFocus.current = i;
    scrollInto(i);
  };

  useLayoutEffect(() => {
    const i = pendingFocus.current;
    if (i === null) return;
    const row = viewport.current?.querySelector<HTMLElement>(`[data-index="${i}"]`);
    if (row) {
      pendingFocus.current = null;
      row.focus({ preventScroll: true });
    }
  });

  const page = Math.max(1, Math.floor(height / rowHeight) - 1);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.target as HTMLElement;
    // Keys typed into a control inside a row belong to that control.
    if (target.getAttribute('role') !== 'option') return;
    const from = Number(target.dataset.index ?? current);
    switch (e.key) {
      case 'ArrowDown':
        moveTo(from + 1);
        break;
      case 'ArrowUp':
        moveTo(from - 1);
        break;
      case 'PageDown':
        moveTo(from + page);
        break;
      case 'PageUp':
        moveTo(from - page);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(count - 1);
        break;
      case 'Enter':
      case ' ':
        if (!onActivate || e.isComposing) return;
        onActivate(items[from], from);
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  const rows: ComponentChild[] = [];
  for (let i = first; i <= last; i++) {
    const item = items[i];
    rows.push(
      <Fragment key={getKey(item, i)}>
        {renderRow(item, i, {
          role: 'option',
          id: `${idPrefix}-${i}`,
          tabIndex: i === current ? 0 : -1,
          'aria-posinset': i + 1,
          'aria-setsize': count,
          'aria-selected': i === current ? 'true' : 'false',
          'data-index': i,
          style: `position:absolute;left:0;right:0;top:${i * rowHeight}px;height:${rowHeight}px`,
          onFocus: () => setActive(i),
        })}
      </Fragment>,
    );
  }

  return (
    <div
      ref={viewport}
      class={`vlist${className ? ` ${className}` : ''}`}
      style={`height:${height}px;overflow-y:auto;position:relative`}
      data-testid={testid}
      onScroll={(e) => setScrollTop((e.currentTarget as HTMLDivElement).scrollTop)}
    >
      <div
        role="listbox"
        aria-label={label}
        style={`position:relative;height:${count * rowHeight}px`}
        onKeyDown={onKeyDown}
        data-first={first}
        data-last={last}
      >
        {rows}
      </div>
    </div>
  );
}

export type { Props as VirtualListProps };
