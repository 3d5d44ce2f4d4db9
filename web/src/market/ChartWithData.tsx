// A market chart with its data twice over: as a table under "Show the data" and as CSV/Excel downloads of the
// same rows. The market pages show most of their figures this way.
import { Chart, DownloadLinks, Table, type ChartProps, type Column, type DownloadColumn } from '../components';

export interface ChartWithDataProps<R> extends Omit<ChartProps, 'dataTable'> {
  /** The table's caption (under "Show the data"). */
  caption: string;
  rows: readonly R[];
  rowKey: (row: R) => string;
  /** The data table's columns. */
  columns: readonly Column<R>[];
  /** The downloads: file name (without extension), what they hold in words, the filter applied, and columns. */
  download: { filename: string; what: string; filter?: string; columns: readonly DownloadColumn<R>[] };
}

/** A Chart whose data table is `rows` in `columns`, followed by the DownloadLinks of `rows`. */
export function ChartWithData<R>({ caption, rows, rowKey, columns, download, ...chart }: ChartWithDataProps<R>) {
  return (
    <>
      <Chart
        {...chart}
        dataTable={<Table caption={caption} captionSize="s" rows={rows} rowKey={rowKey} columns={columns} />}
      />
      <DownloadLinks
        filename={download.filename}
        filter={download.filter}
        what={download.what}
        rows={rows}
        columns={download.columns}
      />
    </>
  );
}
