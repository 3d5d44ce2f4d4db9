// Response schemas of the market API (/api/market). Routes declare them; the web app takes its types from them
// (`Wire<typeof schema>`), so the server and the browser share one contract. Split by part of the API: the dashboard
// (summary, care homes, vacancies) and the register (locations, providers, returns, placements, rates, fees).
export * from './schemas/dashboard.js';
export * from './schemas/register.js';
