// Response schemas of the discharge hub API (/api/discharge). Routes declare them; the web app takes its types
// from them (`Wire<typeof schema>`), so the server and the browser share one contract. Split by part of the API
// (like ../market/schemas/): referrals (board, referrals, candidates, awards), metrics (metrics, D2A beds, history)
// and providers (requests and record). This file stays for code still importing the whole set.
export * from './schemas/referrals.js';
export * from './schemas/metrics.js';
export * from './schemas/providers.js';
