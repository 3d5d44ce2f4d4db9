// What the contract action pages share: the page frame that loads the contract, and the form's sending.
import type { ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useApi } from '../api';
import { LoadingOrError, Page, useForm, type SummaryError } from '../components';
import { CONTRACT_PREFIXES } from './formHelpers';
import type { Contract, ContractDetail } from './types';

/** Loads the contract and frames the page; `children` gets the contract once it is there. */
export function ContractAction({
  title,
  hasErrors,
  children,
}: {
  title: string;
  hasErrors: boolean;
  children: (c: Contract, detail: ContractDetail) => ReactNode;
}) {
  const { id } = useParams();
  const { data, loading, error } = useApi<ContractDetail>(`/api/contracts/contracts/${id}`);
  const c = data?.contract;
  const crumbs = [
    { text: 'Contracts and delivery', href: '/contracts' },
    { text: 'Contract register', href: '/contracts/register' },
    ...(c ? [{ text: c.reference, href: `/contracts/register/${c.id}` }] : []),
    { text: title },
  ];
  return (
    <Page
      title={title}
      caption={c ? `${c.reference} ${c.title}` : undefined}
      breadcrumbs={crumbs}
      hasErrors={hasErrors}
      width="two-thirds"
    >
      {c && data ? children(c, data) : <LoadingOrError loading={loading} error={error} what="the contract" />}
    </Page>
  );
}

/**
 * The errors, saving flag and send of a contract action's form (useForm's, going back to the contract with `saved`
 * as its banner on success). `dateFields`: the form's DateInputs, for the server's errors on them.
 */
export function useSubmit(dateFields: readonly string[] = []) {
  const navigate = useNavigate();
  const form = useForm(null, { dateFields, prefixes: CONTRACT_PREFIXES });
  /** Sends the request unless there are `problems`; on success goes back to the contract. */
  const send = (problems: SummaryError[], request: () => Promise<unknown>, contractId: string, saved: string) =>
    form.run(problems, async () => {
      await request();
      navigate(`/contracts/register/${contractId}`, { state: { saved } });
    });
  return { errors: form.errors, saving: form.busy, send };
}
