// What the directory routes share: tags, the public operations' settings and rate limits, and who may curate or import.
import { EDITOR_ROLES } from '../../domain/core/auth.js';

export const TAGS = ['directory'];
export const PUBLIC = { tags: TAGS, security: [] };
export const CURATORS = EDITOR_ROLES;
export const IMPORTERS = ['admin', 'commissioner'] as const;
/** Public reads: generous per-address limits (a person searching never meets them; a scraper does). */
export const PUBLIC_RATE = { rateLimit: { max: 600, timeWindow: '1 minute' } };
export const EXPORT_RATE = { rateLimit: { max: 30, timeWindow: '1 minute' } };
