import * as Plot from '@observablehq/plot';
import { createRoot } from 'react-dom/client';
import { MemoryRouter } from 'react-router';
import { Chart, DownloadLinks, Table, categoricalColours } from '../src/components';
import '../src/styles.scss';
const rows = [2023, 2024, 2025, 2026].flatMap((year) => [{ year, type: 'Residential', price: 800 + (year - 2023) * 60 }, { year, type: 'Nursing', price: 950 + (year - 2023) * 70 }]);
const plot = (width: number) => ({ color: { legend: true, range: categoricalColours }, y: { grid: true, label: '£ a week' }, marks: [Plot.lineY(rows, { x: 'year', y: 'price', stroke: 'type' }), Plot.ruleY([0])] });
createRoot(document.getElementById('root')!).render(
  <MemoryRouter><main className="govuk-width-container" id="main">
    <h1 className="govuk-heading-l">Chart check</h1>
    <Chart title="Weekly prices" description="Prices rose every year for both residential and nursing care." plot={plot}
      dataTable={<Table caption="Weekly prices" columns={[{ key: 'year', header: 'Year' }, { key: 'type', header: 'Type' }, { key: 'price', header: 'Price', numeric: true }]} rows={rows} rowKey={(r) => `${r.year}${r.type}`} />} />
    <DownloadLinks filename="prices" what="prices" columns={[{ key: 'year', header: 'Year' }, { key: 'type', header: 'Type' }, { key: 'price', header: 'Price', numFmt: '£#,##0' }]} rows={rows} />
  </main></MemoryRouter>);
