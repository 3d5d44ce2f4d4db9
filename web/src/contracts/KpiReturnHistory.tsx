// A KPI's returns over time: each period's figure against the target, its state, who gave it, and its amendments.
import { useState } from 'react';
import { Details, Table, Tag, formatDate } from '../components';
import type { KpiView, ReturnStatus } from './types';
import { ReturnStateTag, kpiValueText } from './kpiReturnParts';
import { AmendForm } from './KpiReturnForms';

/** Who gave a return's figure, and whether it was amended: shown beside each return. */
function provenance(r: ReturnStatus): string {
  const parts = [r.enteredByStaff ? `Entered by council staff${r.by ? ` (${r.by})` : ''}` : r.by ? `By ${r.by}` : ''];
  if (r.amendedOn) parts.push(`amended ${formatDate(r.amendedOn)}`);
  return parts.filter(Boolean).join('; ');
}

/** A KPI's returns, newest first, with the amend form for a submitted one when `canAmend`. */
export function History({
  kpi,
  canAmend,
  onBehalf,
  onDone,
}: {
  kpi: KpiView;
  canAmend: boolean;
  onBehalf: boolean;
  onDone: (message: string) => void;
}) {
  const [amending, setAmending] = useState<string | null>(null);
  const row = kpi.returns.find((r) => r.periodStart === amending && r.value !== null);
  const amended = kpi.returns.filter((r) => r.history.length > 0);
  return (
    <>
      {row && (
        <AmendForm
          kpi={kpi}
          row={row}
          onBehalf={onBehalf}
          onCancel={() => setAmending(null)}
          onDone={(m) => {
            setAmending(null);
            onDone(m);
          }}
        />
      )}
      <Table<ReturnStatus>
        caption={`Returns for ${kpi.name}`}
        captionHidden
        rows={[...kpi.returns].reverse()}
        rowKey={(r) => r.periodStart}
        columns={[
          { key: 'label', header: 'Period' },
          { key: 'due', header: 'Due', render: (r) => formatDate(r.dueDate) },
          {
            key: 'value',
            header: 'Value',
            numeric: true,
            render: (r) => (r.value === null ? '–' : kpiValueText(kpi, r.value)),
          },
          {
            key: 'rag',
            header: 'Against target',
            render: (r) =>
              r.rag ? (
                <Tag colour={r.rag === 'green' ? 'green' : r.rag === 'amber' ? 'orange' : 'red'}>
                  {r.rag === 'green' ? 'On target' : r.rag === 'amber' ? 'Near target' : 'Off target'}
                </Tag>
              ) : (
                '–'
              ),
          },
          {
            key: 'state',
            header: 'Return',
            render: (r) => (
              <>
                <ReturnStateTag state={r.state} />
                {r.daysLate > 0 && <span className="govuk-body-s"> {r.daysLate} days</span>}
                {r.value !== null && provenance(r) && (
                  <>
                    <br />
                    <span className="govuk-body-s">{provenance(r)}</span>
                  </>
                )}
              </>
            ),
          },
          ...(canAmend
            ? [
                {
                  key: 'action',
                  header: 'Action',
                  render: (r: ReturnStatus) =>
                    r.value === null ? (
                      ''
                    ) : (
                      <button
                        type="button"
                        className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                        onClick={() => setAmending(r.periodStart)}
                      >
                        Amend<span className="govuk-visually-hidden"> the return for {r.label}</span>
                      </button>
                    ),
                },
              ]
            : []),
        ]}
      />
      {amended.length > 0 && (
        <Details summary={`Amended returns (${amended.length})`}>
          {amended.map((r) => (
            <div key={r.periodStart}>
              <h3 className="govuk-heading-s">{r.label}</h3>
              <ul className="govuk-list govuk-list--bullet">
                {r.history.map((h, i) => (
                  <li key={i}>
                    {kpiValueText(kpi, h.value)}
                    {h.enteredByStaff ? ' (entered by council staff)' : ''}
                    {h.by ? ` from ${h.by}` : ''}, replaced {formatDate(h.amendedOn)}
                    {h.amendedBy ? ` by ${h.amendedBy}` : ''}: {h.reason}
                  </li>
                ))}
                <li>
                  Now {r.value === null ? '–' : kpiValueText(kpi, r.value)}
                  {r.enteredByStaff ? ' (entered by council staff)' : ''}
                </li>
              </ul>
            </div>
          ))}
        </Details>
      )}
    </>
  );
}
