// Directory records in and out of the database, whole: a service with its organisation, locations, schedules,
// contacts, phones, costs, areas, languages, funding and taxonomy terms, written and read in batches so an import
// of thousands of services is a few statements per table, not per service.
//
// One module per job, in records/: save (write and delete), load (read back), searchIndex (the rows search reads)
// and review (review dates, marking reviewed); shared holds the batch helpers.
export type { ServiceSource } from './records/shared.js';
export { deleteService, saveServices, type SaveMeta } from './records/save.js';
export { allServiceIds, loadService, loadServices } from './records/load.js';
export { markReviewed, serviceCuration, type ServiceCuration } from './records/review.js';
