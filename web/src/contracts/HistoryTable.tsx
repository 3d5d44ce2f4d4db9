import { Table, formatDateTime } from '../components';
import type { HistoryEntry } from './types';

/** A record's history of changes, newest first: when, who, what (with the reason and each field before → after). */
export function HistoryTable({ rows, caption }: { rows: HistoryEntry[]; caption: string }) {
  return (
    <Table
      caption={caption}
      captionHidden
      rows={rows}
      rowKey={(h) => String(h.id)}
      emptyText="No changes recorded."
      columns={[
        { key: 'at', header: 'When', render: (h) => formatDateTime(h.at) },
        { key: 'who', header: 'Who' },
        {
          key: 'summary',
          header: 'What',
          render: (h) => (
            <>
              {h.summary}
              {h.note && (
                <>
                  <br />
                  <span className="govuk-hint govuk-!-font-size-16">{h.note}</span>
                </>
              )}
              {h.changes.length > 0 && (
                <ul className="govuk-list govuk-!-font-size-16 govuk-!-margin-bottom-0">
                  {h.changes.map((ch) => (
                    <li key={ch.field}>
                      {ch.label}: {ch.before ?? 'none'} → {ch.after ?? 'none'}
                    </li>
                  ))}
                </ul>
              )}
            </>
          ),
        },
      ]}
    />
  );
}
