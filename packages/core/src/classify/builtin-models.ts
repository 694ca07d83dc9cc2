// The default model, shipped as data (generated, never edited by hand): `cfbt-default`, fitted by
// scripts/train-default-model.mjs (pnpm train:default) over cue, context and open-vocabulary
// features, and written in the compact format (compact-model.ts) to keep core's browser bundle
// small; its card says from what. The previous default, `cfbt-cues`, is in models/cues.ts (the
// `@coachcode/core/models/cues` entry), so that code which does not use it does not carry it.
// Tests validate both.
import open from './default-model.json';
import type { CompactModel } from './compact-model.js';
import { expandModel } from './compact-model.js';
import type { Model } from './model.js';

/** The default model for the CfBT codebook (see docs/benchmarks.md for how it was fitted and what it scores). */
export const defaultModel: Model = /* @__PURE__ */ expandModel(open as CompactModel, 'cfbt-default');
