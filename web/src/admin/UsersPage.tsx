import { useMemo, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useApi } from '../api';
import { ROLES, ROLE_LABELS, type Role, type User } from '../auth';
import {
  Button,
  DownloadLinks,
  LoadingOrError,
  NotificationBanner,
  Page,
  Select,
  Table,
  Tag,
  formatDateTime,
  type Column,
  type DownloadColumn,
} from '../components';

const columns: Column<User>[] = [
  {
    key: 'name',
    header: 'Name',
    render: (u) => (
      <Link className="govuk-link" to={`/admin/users/${u.id}`}>
        {u.name}
      </Link>
    ),
    sortValue: (u) => u.name,
  },
  { key: 'email', header: 'Email address' },
  {
    key: 'role',
    header: 'Role',
    render: (u) => ROLE_LABELS[u.role] ?? u.role,
    sortValue: (u) => ROLE_LABELS[u.role] ?? u.role,
  },
  { key: 'providerName', header: 'Provider', render: (u) => u.providerName ?? '' },
  {
    key: 'lastSignInAt',
    header: 'Last signed in',
    render: (u) => (u.lastSignInAt ? formatDateTime(u.lastSignInAt) : 'Never'),
    sortValue: (u) => u.lastSignInAt ?? null,
  },
  {
    key: 'disabled',
    header: 'Status',
    render: (u) => (u.disabled ? <Tag colour="grey">Disabled</Tag> : <Tag colour="green">Active</Tag>),
    sortValue: (u) => (u.disabled ? 1 : 0),
  },
];

const downloadColumns: DownloadColumn<User>[] = [
  { key: 'name', header: 'Name' },
  { key: 'email', header: 'Email address' },
  { key: 'role', header: 'Role', value: (u) => ROLE_LABELS[u.role] ?? u.role },
  { key: 'providerName', header: 'Provider' },
  { key: 'createdAt', header: 'Added' },
  { key: 'lastSignInAt', header: 'Last signed in' },
  { key: 'disabled', header: 'Status', value: (u) => (u.disabled ? 'Disabled' : 'Active') },
];

export function UsersPage() {
  const { data, error, loading } = useApi<{ users: User[] }>('/api/admin/users');
  const added = (useLocation().state as { added?: string } | null)?.added;
  const [role, setRole] = useState<Role | ''>('');
  const shown = useMemo(() => (data ? data.users.filter((u) => !role || u.role === role) : []), [data, role]);
  return (
    <Page title="Users" breadcrumbs={[{ text: 'Administration', href: '/admin' }, { text: 'Users' }]}>
      {added && <NotificationBanner type="success" heading={`User ${added} added`} />}
      <Button href="/admin/users/new">Add a user</Button>
      {!data ? (
        <LoadingOrError loading={loading} error={error} what="users" />
      ) : (
        <>
          <Select
            name="role-filter"
            label="Show users with the role"
            value={role}
            onChange={(v) => setRole(v as Role | '')}
            options={[{ value: '', text: 'Any role' }, ...ROLES.map((r) => ({ value: r, text: ROLE_LABELS[r] }))]}
          />
          <Table
            caption={`${shown.length} ${shown.length === 1 ? 'user' : 'users'}${role ? ` with the role ${ROLE_LABELS[role]}` : ''}`}
            columns={columns}
            rows={shown}
            rowKey={(u) => u.id}
            sortable
            initialSort={{ key: 'name', direction: 'ascending' }}
          />
          <DownloadLinks
            filename="steward-users"
            what="users"
            columns={downloadColumns}
            rows={shown}
            sheetName="Users"
          />
        </>
      )}
    </Page>
  );
}
