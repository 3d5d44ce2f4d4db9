import type { Area } from '../area';
import { EDITOR_ROLES, RequireAuth, STAFF_ROLES } from '../auth';
import { DuplicatesPage, ExchangePage, PublishPage, SuggestionPage, SuggestionsPage } from './CurationPages';
import { EditEntryPage, EntryPage, ManagePage, ReviewDuePage } from './ManagePages';
import { PrintPage } from './PrintPage';
import { SearchPage } from './SearchPage';
import { ServicePage } from './ServicePage';
import { SuggestPage } from './SuggestPage';
import './directory.scss';

const staff = (element: React.ReactNode) => <RequireAuth roles={STAFF_ROLES}>{element}</RequireAuth>;
const editors = (element: React.ReactNode) => <RequireAuth roles={EDITOR_ROLES}>{element}</RequireAuth>;

// Public: the search, a page per service, the printable list and suggestions need no sign-in. Curators' pages
// under /directory/manage need a staff role (the server checks every request too).
export const directoryArea: Area = {
  path: 'directory',
  title: 'Community services',
  public: true,
  routes: [
    { index: true, element: <SearchPage /> },
    { path: 'services/:id', element: <ServicePage /> },
    { path: 'services/:id/suggest', element: <SuggestPage /> },
    { path: 'suggest', element: <SuggestPage /> },
    { path: 'print', element: <PrintPage /> },
    { path: 'manage', element: staff(<ManagePage />) },
    { path: 'manage/new', element: editors(<EditEntryPage />) },
    { path: 'manage/entries/:id', element: staff(<EntryPage />) },
    { path: 'manage/entries/:id/edit', element: editors(<EditEntryPage />) },
    { path: 'manage/review', element: staff(<ReviewDuePage />) },
    { path: 'manage/suggestions', element: staff(<SuggestionsPage />) },
    { path: 'manage/suggestions/:id', element: staff(<SuggestionPage />) },
    { path: 'manage/publish', element: editors(<PublishPage />) },
    { path: 'manage/duplicates', element: staff(<DuplicatesPage />) },
    { path: 'manage/exchange', element: staff(<ExchangePage />) },
  ],
};
