// The frame of a public page (no sign-in): the usual page frame, plus, while the borough's data are synthetic, a
// clear banner saying so and a robots "noindex" meta tag (the server also sends X-Robots-Tag: src/server/publicSite.ts).
import { useEffect, type ReactNode } from 'react';
import { NotificationBanner } from './NotificationBanner';
import { Page, type PageProps } from './Page';

/** Adds `<meta name="robots" content="noindex, nofollow">` while `active`, and removes it afterwards. */
export function useNoIndex(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const meta = document.createElement('meta');
    meta.name = 'robots';
    meta.content = 'noindex, nofollow';
    document.head.appendChild(meta);
    return () => meta.remove();
  }, [active]);
}

/** The banner public pages show while the borough is synthetic (a demo). */
export function SyntheticDataBanner({ boroughName }: { boroughName: string }) {
  return (
    <NotificationBanner title="Demonstration data" heading={`${boroughName} is not a real place.`}>
      <p className="govuk-body">
        Every figure on this page is synthetic, made up to show how Steward works. Do not quote or rely on it.
      </p>
    </NotificationBanner>
  );
}

export interface PublicPageProps extends PageProps {
  /** True while the borough's data are synthetic: shows the banner and keeps the page out of search engines. */
  synthetic: boolean;
  boroughName: string;
  children?: ReactNode;
}

/** Every public page's frame: `Page`, with the synthetic-data banner and noindex while the data are synthetic. */
export function PublicPage({ synthetic, boroughName, children, ...page }: PublicPageProps) {
  useNoIndex(synthetic);
  return (
    <Page {...page}>
      {synthetic && <SyntheticDataBanner boroughName={boroughName} />}
      {children}
    </Page>
  );
}
