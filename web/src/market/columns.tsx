// Table columns the market pages share.
import { Link } from 'react-router';
import type { Column } from '../components';

/** The care home's name linked to its location page, sorted by name: the first column of the market's home lists. */
export function careHomeColumn<T extends { locationId: string; name: string }>(): Column<T> {
  return {
    key: 'name',
    header: 'Care home',
    render: (r) => (
      <Link className="govuk-link" to={`/market/locations/${r.locationId}`}>
        {r.name}
      </Link>
    ),
    sortValue: (r) => r.name,
  };
}
