import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// `coachcode code` should not pay for loading Vega (about 0.15 s per run): the program imports
// only the chart option lists, and the drawing commands load the renderer when they run.
describe('start-up', () => {
  const program = readFileSync(new URL('../src/program.ts', import.meta.url), 'utf8');
  const staticImports = program.split('\n').filter((l) => /^import (?!type )/.test(l));

  it('imports no chart renderer up front', () => {
    expect(staticImports.filter((l) => l.includes("'@coachcode/charts'"))).toEqual([]);
    expect(staticImports.some((l) => l.includes("'@coachcode/charts/options'"))).toBe(true);
  });

  it.each(['chart', 'compare', 'report'])('loads the %s command when it runs', (name) => {
    expect(staticImports.filter((l) => l.includes(`./commands/${name}.js`))).toEqual([]);
    expect(program).toContain(`await import('./commands/${name}.js')`);
  });

  it('the options entry of the charts package does not import Vega', () => {
    const options = readFileSync(new URL('../../charts/src/options.ts', import.meta.url), 'utf8');
    for (const line of options.split('\n').filter((l) => /^(?:import|export) /.test(l))) expect(line).toMatch(/from '\.\/(?:chart-kind|compare-layout|measure|theme)\.js'/);
    // theme.ts (the code colours) imports types only, and vega-text.ts, which imports nothing.
    const theme = readFileSync(new URL('../../charts/src/theme.ts', import.meta.url), 'utf8');
    for (const line of theme.split('\n').filter((l) => /^import /.test(l))) expect(line).toMatch(/^import type |from '\.\/vega-text\.js';$/);
    const vegaText = readFileSync(new URL('../../charts/src/vega-text.ts', import.meta.url), 'utf8');
    expect(vegaText).not.toMatch(/^import /m);
  });
});
