// Requests to providers, their offers or declines, and the award. The award is one transaction: it locks the
// referral (one award per person) and the location (one admission at a time per home), re-reads the latest
// capacity under that lock, creates the placement at the agreed price, records the new vacancy figures and
// tells the other providers. Whoever comes second for the last bed gets a NoCapacityError and nothing is written.
//
// One module per step, in brokerage/: requests (send, answer, list), award, and providerRecord (acceptance and
// notifications); locks holds the locking order they all follow.
export {
  listRequestsForProvider,
  listResponses,
  respondToRequest,
  sendRequests,
  type ProviderRequestView,
  type ResponseView,
} from './brokerage/requests.js';
export { awardOffer, type AwardResult } from './brokerage/award.js';
export { listNotifications, loadResponseRecords, providerAcceptance } from './brokerage/providerRecord.js';
