import {
  type ColumnDef,
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  type SortingState,
  useReactTable,
} from '@tanstack/react-table';
import { useState } from 'react';

/**
 * A table whose column headers are buttons that sort it (TanStack Table): keyboard reachable, the
 * sorted column announced through aria-sort.
 */
export function SortableTable<Row>(props: {
  rows: Row[];
  // biome-ignore lint/suspicious/noExplicitAny: TanStack Table's column value type varies per column
  columns: ColumnDef<Row, any>[];
  caption: string;
  initialSort?: SortingState;
  rowKey: (row: Row) => string;
  /**
   * Draw only this many rows (of the sorted whole) until the reader asks for all: a long table
   * is mostly below the fold, and drawing hundreds of rows holds up the page's first paint.
   */
  firstRows?: number;
}) {
  const [sorting, setSorting] = useState<SortingState>(props.initialSort ?? []);
  const [showAll, setShowAll] = useState(false);
  const table = useReactTable({
    data: props.rows,
    columns: props.columns,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: props.rowKey,
  });
  const sortedRows = table.getRowModel().rows;
  const shownRows =
    showAll || props.firstRows === undefined ? sortedRows : sortedRows.slice(0, props.firstRows);
  const tableElement = (
    <table className="data-table">
      <caption className="visually-hidden">{props.caption}</caption>
      <thead>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            {group.headers.map((header) => {
              const sorted = header.column.getIsSorted();
              const label = flexRender(header.column.columnDef.header, header.getContext());
              return (
                <th
                  key={header.id}
                  scope="col"
                  aria-sort={
                    sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined
                  }
                >
                  {header.column.getCanSort() ? (
                    <button
                      type="button"
                      className="sort-button"
                      onClick={header.column.getToggleSortingHandler()}
                    >
                      {label}
                      <span aria-hidden="true" className="sort-mark">
                        {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                      </span>
                    </button>
                  ) : (
                    label
                  )}
                </th>
              );
            })}
          </tr>
        ))}
      </thead>
      <tbody>
        {shownRows.map((row) => (
          <tr key={row.id}>
            {row.getVisibleCells().map((cell) => (
              <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
  if (shownRows.length === sortedRows.length) return tableElement;
  return (
    <>
      {tableElement}
      <button type="button" className="sf-button" onClick={() => setShowAll(true)}>
        Show all {sortedRows.length}
      </button>
    </>
  );
}
