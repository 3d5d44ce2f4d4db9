import { Link } from 'react-router';
import { Page } from '../components';

export function AdminHomePage() {
  return (
    <Page title="Administration" breadcrumbs={[{ text: 'Administration' }]}>
      <ul className="govuk-list govuk-list--spaced">
        <li>
          <Link className="govuk-link govuk-!-font-weight-bold" to="/admin/council">
            Your council
          </Link>
          <br />
          The council Steward serves, from the ONS reference lists.
        </li>
        <li>
          <Link className="govuk-link govuk-!-font-weight-bold" to="/admin/users">
            Users
          </Link>
          <br />
          Who can sign in to Steward, with which role, and add a user.
        </li>
        <li>
          <Link className="govuk-link govuk-!-font-weight-bold" to="/admin/audit">
            Audit log
          </Link>
          <br />
          Who changed what and when, newest first.
        </li>
        <li>
          <Link className="govuk-link govuk-!-font-weight-bold" to="/data">
            Data
          </Link>
          <br />
          Every dataset Steward holds, how old it is, and importing files.
        </li>
      </ul>
    </Page>
  );
}
