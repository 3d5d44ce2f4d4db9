// Market filters kept in the address (so a filtered view can be bookmarked and shared).
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { Button, Select } from '../components';
import {
  CQC_RATINGS,
  SCOPE_LABELS,
  SERVICE_TYPES,
  SERVICE_TYPE_LABELS,
  SPECIALISMS,
  SPECIALISM_LABELS,
} from './labels';

export const FILTER_KEYS = ['serviceType', 'specialism', 'rating', 'district', 'scope'] as const;
export type MarketFilters = Partial<Record<(typeof FILTER_KEYS)[number], string>>;

export function useMarketFilters(): [MarketFilters, (f: MarketFilters) => void] {
  const [params, setParams] = useSearchParams();
  const filters: MarketFilters = {};
  for (const k of FILTER_KEYS) {
    const v = params.get(k);
    if (v) filters[k] = v;
  }
  const set = (f: MarketFilters) => {
    const next = new URLSearchParams();
    for (const k of FILTER_KEYS) if (f[k]) next.set(k, f[k]!);
    setParams(next);
  };
  return [filters, set];
}

/** The filters as an API query string ('' when none). */
export function filterQuery(f: MarketFilters, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams();
  for (const k of FILTER_KEYS) if (f[k]) q.set(k, f[k]!);
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Words describing the filters, for captions and downloads: "care homes with nursing, dementia". */
export function describeFilters(f: MarketFilters): string {
  const parts = [
    SCOPE_LABELS[(f.scope ?? 'borough') as keyof typeof SCOPE_LABELS]?.toLowerCase(),
    f.serviceType ? SERVICE_TYPE_LABELS[f.serviceType as keyof typeof SERVICE_TYPE_LABELS]?.toLowerCase() : null,
    f.specialism ? SPECIALISM_LABELS[f.specialism as keyof typeof SPECIALISM_LABELS]?.toLowerCase() : null,
    f.rating ? `rated ${f.rating}` : null,
    f.district ? `postcode district ${f.district.toUpperCase()}` : null,
  ];
  return parts.filter(Boolean).join(', ');
}

/**
 * Where the active placements on the prices page are counted, in words after the definition: "counted here in the
 * borough", "counted here everywhere" (never "for everywhere"), and how to match the home page's total.
 */
export function countedHereText(f: MarketFilters): string {
  const where = describeFilters(f);
  if ((f.scope ?? 'borough') !== 'all')
    return `counted here ${where}. The home page counts them everywhere: choose “Everywhere” above to see the same total.`;
  const rest = where.replace(/^everywhere(, )?/, '');
  return rest
    ? `counted here everywhere, ${rest}. The home page counts them everywhere, without these filters.`
    : 'counted here everywhere, as the home page counts them.';
}

export function FiltersForm({
  showScope = true,
  districts = [],
}: {
  showScope?: boolean;
  districts?: readonly string[];
}) {
  const [filters, setFilters] = useMarketFilters();
  const [draft, setDraft] = useState<MarketFilters>(filters);
  const set = (k: keyof MarketFilters) => (v: string) => setDraft((d) => ({ ...d, [k]: v || undefined }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFilters(draft);
  };
  return (
    <form onSubmit={submit} className="app-filters" aria-label="Filter the market">
      <div className="govuk-grid-row">
        {showScope && (
          <div className="govuk-grid-column-one-quarter">
            <Select
              name="scope"
              label="Area"
              value={draft.scope ?? ''}
              onChange={set('scope')}
              placeholder="In the borough"
              options={[
                { value: 'out', text: SCOPE_LABELS.out },
                { value: 'all', text: SCOPE_LABELS.all },
              ]}
            />
          </div>
        )}
        <div className="govuk-grid-column-one-quarter">
          <Select
            name="serviceType"
            label="Service type"
            value={draft.serviceType ?? ''}
            onChange={set('serviceType')}
            placeholder="All service types"
            options={SERVICE_TYPES.map((s) => ({ value: s, text: SERVICE_TYPE_LABELS[s] }))}
          />
        </div>
        <div className="govuk-grid-column-one-quarter">
          <Select
            name="specialism"
            label="Specialism"
            value={draft.specialism ?? ''}
            onChange={set('specialism')}
            placeholder="All specialisms"
            options={SPECIALISMS.filter((s) => s !== 'children').map((s) => ({ value: s, text: SPECIALISM_LABELS[s] }))}
          />
        </div>
        <div className="govuk-grid-column-one-quarter">
          <Select
            name="rating"
            label="CQC rating"
            value={draft.rating ?? ''}
            onChange={set('rating')}
            placeholder="All ratings"
            options={[...CQC_RATINGS, 'Not rated'].map((r) => ({ value: r, text: r }))}
          />
        </div>
      </div>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-quarter">
          <Select
            name="district"
            label="Postcode district"
            value={draft.district ?? ''}
            onChange={set('district')}
            placeholder="All districts"
            options={districts.map((d) => ({ value: d, text: d }))}
          />
        </div>
        <div className="govuk-grid-column-three-quarters app-filters__actions">
          <Button variant="secondary">Apply filters</Button>
        </div>
      </div>
    </form>
  );
}
