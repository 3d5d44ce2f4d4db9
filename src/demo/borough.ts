// The synthetic demo borough: an outer-London-like council area calibrated on the seeds (Havering above
// all: ~268,000 residents, the oldest age profile in London, a large older people's care home market).
// It is fictional: its name, GSS code and postcode districts do not exist, so nobody mistakes it for real data.

export const DEMO_BOROUGH = {
  name: 'Eastbrook (demo borough)',
  gssCode: 'E09000099',
  synthetic: true,
} as const;

/** Neighbouring (also fictional) council areas, for out-of-borough placements. */
export const DEMO_NEIGHBOURS = [
  { name: 'Westmarsh (demo)', gssCode: 'E09000098' },
  { name: 'Northfold (demo)', gssCode: 'E07000999' },
] as const;

export interface DemoDistrict {
  /** Postcode district (outward code). "EB" is not a real postcode area. */
  district: string;
  lat: number;
  lng: number;
  gssCode: string;
  locality: string;
}

/** Postcode district centroids of the demo borough and its neighbours (roughly east London's latitude). */
export const DEMO_DISTRICTS: readonly DemoDistrict[] = [
  { district: 'EB1', lat: 51.5776, lng: 0.1837, gssCode: 'E09000099', locality: 'Eastbrook Town' },
  { district: 'EB2', lat: 51.5892, lng: 0.2021, gssCode: 'E09000099', locality: 'Eastbrook Town' },
  { district: 'EB3', lat: 51.6045, lng: 0.2273, gssCode: 'E09000099', locality: 'Harold Fields' },
  { district: 'EB4', lat: 51.615, lng: 0.1745, gssCode: 'E09000099', locality: 'Collier Heath' },
  { district: 'EB5', lat: 51.5617, lng: 0.1522, gssCode: 'E09000099', locality: 'Rushgreen' },
  { district: 'EB6', lat: 51.548, lng: 0.2205, gssCode: 'E09000099', locality: 'Elmpark' },
  { district: 'EB7', lat: 51.5395, lng: 0.1898, gssCode: 'E09000099', locality: 'Rainworth' },
  { district: 'EB8', lat: 51.5702, lng: 0.251, gssCode: 'E09000099', locality: 'Upminster Vale' },
  { district: 'EB9', lat: 51.5551, lng: 0.2841, gssCode: 'E09000099', locality: 'Cranham Edge' },
  { district: 'EB10', lat: 51.598, lng: 0.262, gssCode: 'E09000099', locality: 'Harold Fields' },
  { district: 'EB11', lat: 51.525, lng: 0.242, gssCode: 'E09000099', locality: 'Rainworth' },
  { district: 'EB12', lat: 51.624, lng: 0.212, gssCode: 'E09000099', locality: 'Collier Heath' },
  { district: 'WM1', lat: 51.548, lng: 0.098, gssCode: 'E09000098', locality: 'Westmarsh' },
  { district: 'WM2', lat: 51.562, lng: 0.076, gssCode: 'E09000098', locality: 'Westmarsh' },
  { district: 'NF1', lat: 51.656, lng: 0.289, gssCode: 'E07000999', locality: 'Northfold' },
];

export const DEMO_IN_BOROUGH_DISTRICTS = DEMO_DISTRICTS.filter((d) => d.gssCode === DEMO_BOROUGH.gssCode);
