// The frame of a filtered market page: its title and breadcrumbs, the market pages' navigation and the filters form.
import type { ReactNode } from 'react';
import { Page } from '../components';
import { FiltersForm } from './Filters';
import { MarketNav } from './MarketDashboardPage';

/**
 * A market page below the dashboard, captioned "Market", with breadcrumbs Market › `crumb`. Once its data has come
 * (`loading` false or absent) the market navigation (marking `current`, the page's path) and the filters form stand
 * above the children; while it loads only the children (the loading or error message) are shown.
 */
export function MarketPage(p: {
  title: string;
  crumb: string;
  current: string;
  loading?: boolean;
  children: ReactNode;
}) {
  return (
    <Page title={p.title} caption="Market" breadcrumbs={[{ text: 'Market', href: '/market' }, { text: p.crumb }]}>
      {!p.loading && (
        <>
          <MarketNav current={p.current} />
          <FiltersForm />
        </>
      )}
      {p.children}
    </Page>
  );
}
