import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';

export interface Column<T> {
  /** Stable key; also the property read when there is no `render`/`value`. */
  key: string;
  header: ReactNode;
  /** Right-aligned, tabular figures (GOV.UK numeric cells). */
  numeric?: boolean;
  /** Cell content; defaults to `String(row[key])`. */
  render?: (row: T) => ReactNode;
  /** Value used for sorting (defaults to `row[key]`). */
  sortValue?: (row: T) => string | number | null | undefined;
  /** Set false to stop this column being sortable in a sortable table. */
  sortable?: boolean;
  /** GOV.UK width class suffix, e.g. 'one-quarter'. */
  width?: 'full' | 'three-quarters' | 'two-thirds' | 'one-half' | 'one-third' | 'one-quarter';
}

export interface TableProps<T> {
  caption: ReactNode;
  /** Visually hide the caption (still read by screen readers). */
  captionHidden?: boolean;
  /** Caption size: 'm' (default), 'l', 's'. */
  captionSize?: 's' | 'm' | 'l';
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T, index: number) => string;
  /** Sort by clicking column headers (aria-sort announced). */
  sortable?: boolean;
  /** Initial sort. */
  initialSort?: { key: string; direction: 'ascending' | 'descending' };
  /** First cell in each row is a row header (`th scope="row"`). */
  firstCellIsHeader?: boolean;
  /** Shown in a single row when `rows` is empty. */
  emptyText?: string;
  /**
   * Rows drawn at first (default 200): a longer list shows that many, with a button for the next lot, so a list
   * of thousands of rows doesn't build thousands of table rows before the page answers. Sorting covers every row.
   */
  pageSize?: number;
}

function readValue<T>(col: Column<T>, row: T): string | number | null | undefined {
  if (col.sortValue) return col.sortValue(row);
  const v = (row as Record<string, unknown>)[col.key];
  if (v === null || v === undefined) return v as null | undefined;
  return typeof v === 'number' ? v : String(v);
}

/**
 * A cell without its own `render`: a number in a numeric column with thousands separators, as every figure on a
 * page is written (issue 13: "1960" active placements); anything else as its text.
 */
export function defaultCell<T>(col: Pick<Column<T>, 'key' | 'numeric'>, row: T): string {
  const v = (row as Record<string, unknown>)[col.key];
  if (col.numeric && typeof v === 'number' && Number.isFinite(v)) return v.toLocaleString('en-GB');
  return String(v ?? '');
}

/** Sorts rows by a column; nulls last in both directions; numbers numerically, text with en-GB collation. */
export function sortRows<T>(rows: readonly T[], col: Column<T>, direction: 'ascending' | 'descending'): T[] {
  const collator = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });
  const sign = direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, i) => ({ row, i, v: readValue(col, row) }))
    .sort((a, b) => {
      const an = a.v === null || a.v === undefined || a.v === '';
      const bn = b.v === null || b.v === undefined || b.v === '';
      if (an || bn) return an === bn ? a.i - b.i : an ? 1 : -1;
      const c =
        typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : collator.compare(String(a.v), String(b.v));
      return c === 0 ? a.i - b.i : sign * c;
    })
    .map((x) => x.row);
}

export function Table<T>({
  caption,
  captionHidden,
  captionSize = 'm',
  columns,
  rows,
  rowKey,
  sortable,
  initialSort,
  firstCellIsHeader,
  emptyText = 'No records to show.',
  pageSize = 200,
}: TableProps<T>) {
  const [sort, setSort] = useState(initialSort ?? null);
  const [shown, setShown] = useState(pageSize);
  // A new list (filters changed) starts again at its first rows.
  useEffect(() => setShown(pageSize), [rows, pageSize]);
  const containerRef = useRef<HTMLDivElement>(null);
  const [scrollable, setScrollable] = useState(false);
  // A table wider than the screen scrolls inside its container, which must then be reachable by keyboard.
  useEffect(() => {
    const el = containerRef.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const check = () => setScrollable(el.scrollWidth > el.clientWidth + 1);
    check();
    const ro = new ResizeObserver(check);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const sorted = useMemo(() => {
    if (!sort) return rows;
    const col = columns.find((c) => c.key === sort.key);
    return col ? sortRows(rows, col, sort.direction) : rows;
  }, [rows, columns, sort]);
  const visible = sorted.length > shown ? sorted.slice(0, shown) : sorted;
  const more = Math.min(pageSize, sorted.length - visible.length);

  const headerCell = (col: Column<T>) => {
    const cls = `govuk-table__header${col.numeric ? ' govuk-table__header--numeric' : ''}${col.width ? ` govuk-!-width-${col.width}` : ''}`;
    if (!sortable || col.sortable === false) {
      return (
        <th scope="col" className={cls} key={col.key}>
          {col.header}
        </th>
      );
    }
    const ariaSort = sort?.key === col.key ? sort.direction : 'none';
    return (
      <th scope="col" className={cls} key={col.key} aria-sort={ariaSort}>
        <button
          type="button"
          className="app-table__sort-button"
          onClick={() =>
            setSort({
              key: col.key,
              direction: sort?.key === col.key && sort.direction === 'ascending' ? 'descending' : 'ascending',
            })
          }
        >
          {col.header}
        </button>
      </th>
    );
  };

  return (
    <div
      className="app-table-container"
      ref={containerRef}
      tabIndex={scrollable ? 0 : undefined}
      role={scrollable ? 'region' : undefined}
      aria-label={
        scrollable
          ? typeof caption === 'string'
            ? `${caption} (scrolls sideways)`
            : 'Table (scrolls sideways)'
          : undefined
      }
    >
      <table className="govuk-table">
        <caption
          className={`govuk-table__caption govuk-table__caption--${captionSize}${captionHidden ? ' govuk-visually-hidden' : ''}`}
        >
          {caption}
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">{columns.map(headerCell)}</tr>
        </thead>
        <tbody className="govuk-table__body">
          {sorted.length === 0 ? (
            <tr className="govuk-table__row">
              <td className="govuk-table__cell" colSpan={columns.length}>
                {emptyText}
              </td>
            </tr>
          ) : (
            visible.map((row, i) => (
              <tr className="govuk-table__row" key={rowKey(row, i)}>
                {columns.map((col, ci) => {
                  const content = col.render ? col.render(row) : defaultCell(col, row);
                  const numeric = col.numeric ? ' govuk-table__cell--numeric' : '';
                  return ci === 0 && firstCellIsHeader ? (
                    <th scope="row" className={`govuk-table__header${numeric}`} key={col.key}>
                      {content}
                    </th>
                  ) : (
                    <td className={`govuk-table__cell${numeric}`} key={col.key}>
                      {content}
                    </td>
                  );
                })}
              </tr>
            ))
          )}
        </tbody>
      </table>
      {more > 0 && (
        <div className="app-table__more">
          <p className="govuk-body" role="status">
            Showing the first {visible.length.toLocaleString('en-GB')} of {sorted.length.toLocaleString('en-GB')} rows.
          </p>
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            data-module="govuk-button"
            onClick={() => setShown((n) => n + pageSize)}
          >
            Show {more.toLocaleString('en-GB')} more rows
          </button>
        </div>
      )}
    </div>
  );
}
