// Shared GOV.UK components. Import from 'web/src/components' (relative: '../components').
export { Page, Breadcrumbs, usePageTitle, SERVICE_NAME, type Crumb, type PageProps } from './Page';
export {
  ErrorSummary,
  apiErrorsToSummary,
  failureToSummary,
  fieldError,
  fieldId,
  type SummaryError,
} from './ErrorSummary';
export {
  TextInput,
  Textarea,
  Select,
  Radios,
  type RadiosProps,
  Checkboxes,
  DateInput,
  Button,
  ButtonGroup,
  isoToDateParts,
  datePartsToIso,
  emptyDate,
  type Option,
  type DateParts,
  type InputWidth,
} from './forms';
export { Table, sortRows, type Column, type TableProps } from './Table';
export { Tag, RagTag, RatingTag, ratingColour, type Rag, type TagColour, type RatingScheme } from './Tag';
export { SummaryList, type SummaryRow, type SummaryAction } from './SummaryList';
export { KeyFigures, Panel, type KeyFigure } from './KeyFigures';
export { NotificationBanner, InsetText, WarningText, Details, SuccessBanner } from './NotificationBanner';
export { useNavigationState } from './useNavigationState';
export {
  Chart,
  chartColours,
  categoricalColours,
  plotIsEmpty,
  ragColours,
  type ChartProps,
  type PlotOptions,
} from './Chart';
export { DownloadLinks, type DownloadLinksProps } from './DownloadLinks';
export { toCsv, toXlsx, saveFile, SEX_LABELS, type DownloadColumn } from './downloads';
export { LoadingOrError, Loading } from './LoadingOrError';
export { Tabs, Pagination, BackLink, pageNumbers, type Tab, type PaginationProps } from './Navigation';
export { DataFreshness, type DataFreshnessProps } from './DataFreshness';
export * from './format';
export { PublicPage, SyntheticDataBanner, useNoIndex, type PublicPageProps } from './PublicPage';
export { lazyPage } from './lazyPage';
export { domainProblems, useForm, serverErrorsForForm, type Form, type ServerFieldMapping } from './useForm';
export { uploadErrorsToSummary, useFileUpload } from './useFileUpload';
export { FileUploadForm } from './FileUploadForm';
export { ConfirmBanner } from './ConfirmBanner';
export { UnsavedChangesGuard, UNSAVED_CHANGES_QUESTION } from './UnsavedChanges';
