// Route-level code splitting (issue 15): each page's code, and the libraries only it uses (Observable Plot, the
// forms of one area...), is fetched when the page is first visited, not with the first page of the app.
import { lazy, Suspense, type ComponentType, type JSX, type ReactElement, type ReactNode } from 'react';
import { Loading } from './LoadingOrError';

/**
 * A page component whose module is loaded on first render. `load` is the page module's dynamic import and `name`
 * the export to render, so area registries keep their `element: <Page />` form:
 *
 *   const PricesPage = lazyPage(() => import('./PricesPage'), 'PricesPage');
 *
 * While the module loads the page shows "Loading page…" (a polite status, as data loading does). A module that
 * fails to load (a deploy replaced the chunk) rejects into the nearest error boundary, i.e. the router's.
 */
export function lazyPage<M extends Record<K, (props: never) => ReactNode>, K extends keyof M & string>(
  load: () => Promise<M>,
  name: K,
): (props: PropsOf<M[K]>) => ReactElement {
  type P = PropsOf<M[K]>;
  const Lazy = lazy(async () => ({ default: (await load())[name] as unknown as ComponentType<P> }));
  function LazyPage(props: P): ReactElement {
    return (
      <Suspense fallback={<Loading what="page" />}>
        <Lazy {...(props as P & JSX.IntrinsicAttributes)} />
      </Suspense>
    );
  }
  LazyPage.displayName = `Lazy(${name})`;
  return LazyPage;
}

/** A function component's props (`object` when it takes none). */
type PropsOf<C> = C extends (props: infer Q) => ReactNode ? (unknown extends Q ? object : Q) : never;
