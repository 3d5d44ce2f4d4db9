// The demand overview's services section: projected demand for each service (care home beds, homecare hours).
import * as Plot from '@observablehq/plot';
import { useCallback } from 'react';
import { Link } from 'react-router';
import {
  Chart,
  Details,
  DownloadLinks,
  Table,
  categoricalColours,
  formatMultiplier,
  type Column,
} from '../../components';
import type { ProjectionResponse, ServiceView } from '../types';
import { whole, yearsShown, explainHref } from './figures';

export function ServiceSection({ p, filter }: { p: ProjectionResponse; filter?: string }) {
  const years = yearsShown(p.years);
  const series = p.services.flatMap((s) =>
    p.years.map((year, i) => ({ service: s.label, year, clients: s.clients[i] })),
  );
  const plot = useCallback(
    () => ({
      y: { grid: true, label: 'Council-supported clients' },
      x: { tickFormat: 'd', label: 'Year' },
      color: { legend: true, range: categoricalColours },
      marks: [Plot.ruleY([0]), Plot.lineY(series, { x: 'year', y: 'clients', stroke: 'service', strokeWidth: 2 })],
    }),
    [series],
  );
  const measures = p.measures.filter((m) => m.kind === 'service_use');
  const lever = p.scenario.params.lever;
  // A service's clients are one service-use measure's people unless a policy lever moves some of them.
  const measureFor = (s: ServiceView) => {
    const ms = measures.filter((m) => m.service === s.service);
    return ms.length === 1 && !(lever && lever.share > 0 && (lever.from === s.service || lever.to === s.service))
      ? ms[0]
      : null;
  };
  const columns: Column<ServiceView>[] = [
    { key: 'label', header: 'Service' },
    ...years.map((y) => ({
      key: String(y),
      header: String(y),
      numeric: true,
      render: (s: ServiceView) => {
        const m = measureFor(s);
        const v = whole(s.clients[p.years.indexOf(y)]);
        return m ? (
          <Link
            className="govuk-link"
            to={explainHref(p.scenario.id, m.key, y, p.marketLinked ? undefined : p.areaCode)}
            aria-label={`${v}: how ${s.label.toLowerCase()} clients in ${y} are calculated`}
          >
            {v}
          </Link>
        ) : (
          v
        );
      },
    })),
  ];
  return (
    <>
      <h2 className="govuk-heading-l">Projected demand by service</h2>
      <Chart
        title="Council-supported clients by service"
        description={
          p.services
            .map(
              (s) =>
                `${s.label}: ${whole(s.clients[0])} in ${p.years[0]}, ${whole(s.clients[s.clients.length - 1])} in ${p.years[p.years.length - 1]}`,
            )
            .join('. ') + '.'
        }
        plot={plot}
      />
      <Table
        caption="Clients by service"
        columns={columns}
        rows={p.services}
        rowKey={(s) => s.service}
        firstCellIsHeader
      />
      <Details summary="How today’s service-use rates were derived">
        <ul className="govuk-list govuk-list--bullet">
          {measures.map((m) => (
            <li key={m.key}>
              {m.label}:{' '}
              {m.calibration
                ? `the age profile (${m.source}) gives ${whole(m.calibration.expected)} clients in ${p.baseYear}; placements and packages show ${whole(m.calibration.observed)}, so each rate is multiplied by ${formatMultiplier(m.calibration.factor).slice(1)}.`
                : `no current placements or packages recorded; the shipped profile is used as it is (${m.source}).`}
            </li>
          ))}
        </ul>
      </Details>
      <DownloadLinks
        filter={filter}
        filename="projected-clients-by-service"
        what="clients by service"
        columns={[
          { key: 'label', header: 'Service' },
          ...p.years.map((y, i) => ({
            key: String(y),
            header: String(y),
            value: (s: ServiceView) => s.clients[i],
            numFmt: '#,##0',
          })),
        ]}
        rows={p.services}
      />
    </>
  );
}
