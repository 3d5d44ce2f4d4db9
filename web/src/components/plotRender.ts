// The one Observable Plot function the Chart component calls, in a module of its own so that loading it on demand
// keeps only what `plot` needs (a dynamic import of the whole package would keep every mark and transform).
export { plot } from '@observablehq/plot';
