import type { ReactNode } from 'react';

export type TagColour =
  'grey' | 'green' | 'turquoise' | 'blue' | 'light-blue' | 'purple' | 'pink' | 'red' | 'orange' | 'yellow';

/** GOV.UK tag. Colour is never the only signal: the text says the status. */
export function Tag({ colour, children }: { colour?: TagColour; children: ReactNode }) {
  return <strong className={`govuk-tag${colour ? ` govuk-tag--${colour}` : ''}`}>{children}</strong>;
}

export type Rag = 'red' | 'amber' | 'green';

const ragColour: Record<Rag, TagColour> = { red: 'red', amber: 'orange', green: 'green' };
const ragText: Record<Rag, string> = { red: 'Red', amber: 'Amber', green: 'Green' };

/** Red/amber/green status. `children` replaces the default text ("Red", "Amber", "Green"). */
export function RagTag({ status, children }: { status: Rag | null | undefined; children?: ReactNode }) {
  if (!status) return <Tag colour="grey">{children ?? 'Not rated'}</Tag>;
  return <Tag colour={ragColour[status]}>{children ?? ragText[status]}</Tag>;
}

export type RatingScheme = 'cqc' | 'pamms';

/** Colours for CQC (Outstanding/Good/Requires improvement/Inadequate) and PAMMS (Excellent/Good/Requires improvement/Poor). */
export function ratingColour(rating: string | null | undefined): TagColour {
  switch ((rating ?? '').trim().toLowerCase()) {
    case 'outstanding':
    case 'excellent':
      return 'turquoise';
    case 'good':
      return 'green';
    case 'requires improvement':
      return 'yellow';
    case 'inadequate':
    case 'poor':
      return 'red';
    default:
      return 'grey';
  }
}

/** A CQC or PAMMS rating as a tag; "Not yet rated" when missing. */
export function RatingTag({ rating, scheme }: { rating: string | null | undefined; scheme?: RatingScheme }) {
  const text = rating && rating.trim() ? rating : 'Not yet rated';
  const label = scheme ? `${scheme === 'cqc' ? 'CQC' : 'PAMMS'} rating: ` : '';
  return (
    <Tag colour={ratingColour(rating)}>
      {label && <span className="govuk-visually-hidden">{label}</span>}
      {text}
    </Tag>
  );
}
