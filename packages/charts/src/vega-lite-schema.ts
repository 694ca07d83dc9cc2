/** The `$schema` written into every spec, so editors can check a saved `.vl.json` file. */
export const VEGA_LITE_SCHEMA_URL = 'https://vega.github.io/schema/vega-lite/v6.json';
