// The options an importer takes (`steward import <kind> <file> -o key=value`, and the Data page's upload form):
// each declared once with its label, hint and check, so the command line and the web refuse a wrong value with
// the same words.
import type { Db } from '../db/client.js';
import { getBorough } from '../db/core/settings.js';
import { authorityByCode } from '../domain/geography/authorities.js';

/** One option an importer takes. */
export interface ImporterOption {
  /** The key as typed on the command line (`-o trust=RK9`) and sent by the Data page. */
  key: string;
  /** The form field's label. */
  label: string;
  /** What the option does and an example, under the label. */
  hint: string;
  /** The allowed values (shown as radios on the web), or absent for free text. */
  choices?: readonly { value: string; text: string }[];
  /**
   * Checks a non-empty value: the value to use (trimmed, normalised), or a message naming what is wrong in plain
   * words (the same on the command line and the web).
   */
  check(value: string): { value: string } | { error: string };
}

/** A problem with one option's value: the option's key, its label and the message. */
export interface OptionProblem {
  key: string;
  label: string;
  message: string;
}

/** Free text up to `max` characters. */
function text(max: number): ImporterOption['check'] {
  return (v) => (v.length > max ? { error: `Use ${max} characters or fewer` } : { value: v });
}

/** `source=…`: who published the figures. */
export const SOURCE_OPTION: ImporterOption = {
  key: 'source',
  label: 'Source (optional)',
  hint: 'Who published the figures, shown beside them, for example "ONS 2022-based sub-national population projections". Leave empty to use the file’s own.',
  check: text(200),
};

/** `vintage=…`: which release of the figures. */
export const VINTAGE_OPTION: ImporterOption = {
  key: 'vintage',
  label: 'Release (optional)',
  hint: 'Which release the figures are, for example "2022-based SNPP" or "mid-2023". Leave empty to read it from the file.',
  check: text(100),
};

/** `borough=<GSS>`: the council whose locations are marked in-area. */
export const BOROUGH_OPTION: ImporterOption = {
  key: 'borough',
  label: 'Council’s GSS code (optional)',
  hint: 'Locations in this council are marked as in your area, for example E06000026 for Plymouth. Leave empty for the council Steward serves: once a council is set up (the demo borough counts), only its own code is taken.',
  check: (raw) => {
    const v = raw.toUpperCase();
    const a = authorityByCode(v);
    return a
      ? { value: a.gssCode }
      : { error: `"${raw}" is not the GSS code of an English council: use a code like E06000026 (Plymouth)` };
  },
};

/**
 * The council whose locations a CQC import marks as in your area: the `borough` option when given, else the council
 * Steward serves (null when none is set up). Once any council is set up, the synthetic demo borough included (it has
 * a council record: its market would otherwise fill with another council's homes counted "in borough"), another
 * council's code is refused, so no import can move another council's homes into its market: `problem` names both
 * councils and what to enter, in plain words (on the demo, how to set up the real council first).
 */
export async function importArea(
  db: Db,
  option: string | undefined,
): Promise<{ gssCode: string | null; problem: string | null }> {
  const served = await getBorough(db);
  if (!option) return { gssCode: served?.gssCode ?? null, problem: null };
  if (!served || served.gssCode === option) return { gssCode: option, problem: null };
  const given = authorityByCode(option);
  const other = `${given?.name ?? 'another council'}’s (${option})`;
  return {
    gssCode: null,
    problem: served.synthetic
      ? `Steward serves ${served.name}, so this import cannot mark ${other} locations as in your area: set up ${given?.name ?? 'your council'} first (Administration › Your council, or \`steward setup --council ${option}\`), or leave the council’s GSS code empty`
      : `Steward serves ${served.name} (${served.gssCode}), so this import can only mark ${served.name}’s locations as in your area, not ${other}: leave the council’s GSS code empty or use ${served.gssCode}`,
  };
}

/** `bulk=on|off`: how a placements file is written. */
export const BULK_OPTION: ImporterOption = {
  key: 'bulk',
  label: 'How to load the file (optional)',
  hint: 'Steward chooses by the file’s size unless told.',
  choices: [
    { value: 'on', text: 'In bulk: market totals rebuilt once at the end (fastest for a first, large load)' },
    { value: 'off', text: 'Row by row: market totals kept up to date as each row is written' },
  ],
  check: (raw) => {
    const v = raw.toLowerCase();
    return v === 'on' || v === 'off' ? { value: v } : { error: `"${raw}" is not a way to load: use on or off` };
  },
};

/** `trust=<ODS code>`: the local acute trust whose published figures the flow page shows. */
export const TRUST_OPTION: ImporterOption = {
  key: 'trust',
  label: 'Local acute trust’s ODS code (optional)',
  hint: 'The flow page shows this trust’s published figures, for example RK9 for University Hospitals Plymouth. Leave empty to keep the trust already chosen.',
  check: (raw) => {
    const v = raw.toUpperCase();
    return /^[A-Z][A-Z0-9]{2}$/.test(v)
      ? { value: v }
      : { error: `"${raw}" is not an NHS trust’s ODS code: use its three letters or digits, like RK9` };
  },
};

/**
 * Checks the options given for an importer: unknown keys and wrong values are problems; empty values are left
 * out. Returns the options to pass on (normalised) and every problem.
 */
export function checkImporterOptions(
  importer: { kind: string; options?: readonly ImporterOption[] },
  given: Record<string, string | undefined>,
): { options: Record<string, string>; problems: OptionProblem[] } {
  const declared = importer.options ?? [];
  const options: Record<string, string> = {};
  const problems: OptionProblem[] = [];
  for (const [key, raw] of Object.entries(given)) {
    const value = (raw ?? '').trim();
    const spec = declared.find((o) => o.key === key);
    if (!spec) {
      problems.push({
        key,
        label: key,
        message: `"${key}" is not an option of ${importer.kind}: ${
          declared.length ? `it takes ${declared.map((o) => o.key).join(', ')}` : 'it takes none'
        }`,
      });
      continue;
    }
    if (!value) continue;
    const r = spec.check(value);
    if ('error' in r) problems.push({ key, label: spec.label, message: r.error });
    else options[key] = r.value;
  }
  return { options, problems };
}
