// Postcode districts and distances. The hub never holds a person's full postcode: their district (the
// outward code, e.g. RM7) is enough to rank providers by distance from its centroid.

/** Mean Earth radius (IUGG), km. */
export const EARTH_RADIUS_KM = 6371.0088;

export interface LatLng {
  lat: number;
  lng: number;
}

/** Great-circle distance between two points by the haversine formula, in km. */
export function haversineKm(a: LatLng, b: LatLng): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

const DISTRICT = /^[A-Z]{1,2}[0-9][A-Z0-9]?$/;
const FULL_POSTCODE = /^([A-Z]{1,2}[0-9][A-Z0-9]?)\s*([0-9][A-Z]{2})$/;

/**
 * The postcode district of a full postcode or a district typed on its own, upper-cased; null if it is
 * neither. "rm7 0ab" → "RM7", "RM70AB" → "RM7", "ec1a" → "EC1A".
 */
export function normalisePostcodeDistrict(value: string): string | null {
  const v = value.trim().toUpperCase().replace(/\s+/g, ' ');
  const full = FULL_POSTCODE.exec(v);
  if (full) return full[1];
  return DISTRICT.test(v) ? v : null;
}

/**
 * The outward code (district) of a postcode as ONSPD writes it: `pcds` has one space ("RM7 0AB"); `pcd` is
 * the fixed 7-character form ("RM7 0AB", "RM170AB", "EC1A1BB") whose last three characters are the inward code.
 */
export function outwardCode(postcode: string): string | null {
  const v = postcode.trim().toUpperCase();
  if (v.length < 5) return null;
  const space = v.indexOf(' ');
  const outward = space >= 0 ? v.slice(0, space) : v.slice(0, v.length - 3);
  const inward = space >= 0 ? v.slice(space + 1).trim() : v.slice(v.length - 3);
  if (!/^[0-9][A-Z]{2}$/.test(inward)) return null;
  const trimmed = outward.trim();
  return DISTRICT.test(trimmed) ? trimmed : null;
}

export interface DistrictCentroid extends LatLng {
  district: string;
  postcodes: number;
}

/** Distance between the centroids of two districts, or null when either centroid is unknown. */
export function districtDistanceKm(centroids: ReadonlyMap<string, LatLng>, from: string, to: string): number | null {
  const a = centroids.get(from);
  const b = centroids.get(to);
  if (!a || !b) return null;
  return haversineKm(a, b);
}
