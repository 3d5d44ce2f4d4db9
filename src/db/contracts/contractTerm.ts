// A stored contract's term as the domain's rules take it.
import { type ContractTerm } from '../../domain/contracts/contract.js';
import { type ContractRow } from './schema.js';

/**
 * A stored contract's term (dates, extension options and those taken, break clauses, notice) for the domain's rules.
 */
export function termOf(
  row: Pick<
    ContractRow,
    | 'startDate'
    | 'initialEndDate'
    | 'extensionOptionsMonths'
    | 'extensionsTaken'
    | 'noticePeriodMonths'
    | 'breakClauseDates'
    | 'endedOn'
  >,
): ContractTerm {
  return {
    startDate: row.startDate,
    initialEndDate: row.initialEndDate,
    extensionOptionsMonths: row.extensionOptionsMonths,
    extensionsTaken: row.extensionsTaken,
    noticePeriodMonths: row.noticePeriodMonths,
    breakClauseDates: row.breakClauseDates,
    endedOn: row.endedOn,
  };
}
