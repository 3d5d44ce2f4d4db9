import type { Area } from '../area';
import { EDITOR_ROLES, RequireAuth, STAFF_ROLES } from '../auth';
import './directory.scss';
import { lazyPage } from '../components';

const DuplicatesPage = lazyPage(() => import('./ExchangePages'), 'DuplicatesPage');
const ExchangePage = lazyPage(() => import('./ExchangePages'), 'ExchangePage');
const PublishPage = lazyPage(() => import('./CurationPages'), 'PublishPage');
const SuggestionPage = lazyPage(() => import('./CurationPages'), 'SuggestionPage');
const SuggestionsPage = lazyPage(() => import('./CurationPages'), 'SuggestionsPage');
const EditEntryPage = lazyPage(() => import('./ManagePages'), 'EditEntryPage');
const EntryPage = lazyPage(() => import('./ManagePages'), 'EntryPage');
const ManagePage = lazyPage(() => import('./ManagePages'), 'ManagePage');
const ReviewDuePage = lazyPage(() => import('./ManagePages'), 'ReviewDuePage');
const PrintPage = lazyPage(() => import('./PrintPage'), 'PrintPage');
const SearchPage = lazyPage(() => import('./SearchPage'), 'SearchPage');
const ServicePage = lazyPage(() => import('./ServicePage'), 'ServicePage');
const SuggestPage = lazyPage(() => import('./SuggestPage'), 'SuggestPage');

const editors = (element: React.ReactNode) => <RequireAuth roles={EDITOR_ROLES}>{element}</RequireAuth>;

/** Where the public pages live (no sign-in): the search, a page per service, the printable list, suggestions. */
export const PUBLIC_DIRECTORY = '/community-services';

// Curators' pages under /directory need a staff role; the public pages under /community-services need no
// sign-in (the server checks every request too).
export const directoryArea: Area = {
  path: 'directory',
  title: 'Community services',
  roles: STAFF_ROLES,
  routes: [
    { index: true, element: <ManagePage /> },
    { path: 'new', element: editors(<EditEntryPage />) },
    { path: 'entries/:id', element: <EntryPage /> },
    { path: 'entries/:id/edit', element: editors(<EditEntryPage />) },
    { path: 'review', element: <ReviewDuePage /> },
    { path: 'suggestions', element: <SuggestionsPage /> },
    { path: 'suggestions/:id', element: <SuggestionPage /> },
    { path: 'publish', element: editors(<PublishPage />) },
    { path: 'duplicates', element: <DuplicatesPage /> },
    { path: 'exchange', element: <ExchangePage /> },
  ],
  publicRoutes: [
    { path: 'community-services', element: <SearchPage /> },
    { path: 'community-services/services/:id', element: <ServicePage /> },
    { path: 'community-services/services/:id/suggest', element: <SuggestPage /> },
    { path: 'community-services/suggest', element: <SuggestPage /> },
    { path: 'community-services/print', element: <PrintPage /> },
  ],
};
