// What the market position statement's staff pages share: a section's status tag and who edits.
import { Tag, type TagColour } from '../components';
import { SECTION_STATUS_LABELS, type SectionStatus } from '../../../src/domain/mps/review';

const STATUS_COLOURS: Record<SectionStatus, TagColour> = {
  draft: 'grey',
  in_review: 'blue',
  changes_requested: 'orange',
  approved: 'green',
};

/** A section's review status as a GOV.UK tag. */
export function StatusTag({ status }: { status: SectionStatus }) {
  return <Tag colour={STATUS_COLOURS[status]}>{SECTION_STATUS_LABELS[status]}</Tag>;
}

/** Who edits the statement. */
export const EDITORS = ['admin', 'commissioner'] as const;
