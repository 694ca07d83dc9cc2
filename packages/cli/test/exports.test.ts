import { describe, expect, it } from 'vitest';
import * as cli from '../src/index.js';

describe('@coachcode/cli public exports', () => {
  it('is exactly this list (a change to the public surface must be deliberate)', () => {
    expect(Object.keys(cli).sort()).toEqual(['ExitCode', 'createProgram', 'nodeIo', 'run']);
  });

  it('createProgram builds a program with every command', () => {
    const program = cli.createProgram(cli.nodeIo());
    expect(program.commands.map((c) => c.name())).toEqual(['code', 'profile', 'evaluate', 'train', 'chart', 'compare', 'suggest', 'export', 'report']);
  });
});
