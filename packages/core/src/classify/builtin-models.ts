// The built-in models, shipped as JSON data (generated, never edited by hand):
//  - default-model.json: `cfbt-default`, fitted by scripts/train-default-model.mjs (pnpm
//    train:default) over cue, context and open-vocabulary features; its card says from what;
//  - cues-model.json: `cfbt-cues@3`, the previous default (cue, context and closed-list word
//    features only), kept for comparison and for users who want its behaviour.
// Tests validate both against ModelSchema.
import cues from './cues-model.json';
import open from './default-model.json';
import type { Model } from './model.js';

/** The default model for the CfBT codebook (see docs/benchmarks.md for how it was fitted and what it scores). */
export const defaultModel = open as unknown as Model;

/** The previous default model, `cfbt-cues@3`: cue, context and closed-list word features only. */
export const cuesModel = cues as unknown as Model;
