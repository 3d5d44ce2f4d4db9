// Shapes of the directory API (src/server/directory/schemas.ts) and of the public ORUK feed, for the web app.
export type {
  DirectoryEntry,
  Duplicates,
  EntryList,
  ImportSummaryView,
  OrukServiceView,
  OrukTaxonomyTermView,
  PublishCandidates,
  ReviewDue,
  SearchCard,
  SearchOptionNeed,
  SearchOptions,
  SearchResult,
  SuggestionDetail,
  SuggestionSummary,
  TaxonomyTermPage,
} from '../../../src/server/directory/schemas';
export { WEEKDAYS, WEEKDAY_LABELS, type Weekday } from '../../../src/domain/directory/oruk';
