import type { Area } from '../area';
import { EDITOR_ROLES, RequireAuth, STAFF_ROLES } from '../auth';
import { DuplicatesPage, ExchangePage, PublishPage, SuggestionPage, SuggestionsPage } from './CurationPages';
import { EditEntryPage, EntryPage, ManagePage, ReviewDuePage } from './ManagePages';
import { PrintPage } from './PrintPage';
import { SearchPage } from './SearchPage';
import { ServicePage } from './ServicePage';
import { SuggestPage } from './SuggestPage';
import './directory.scss';

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
