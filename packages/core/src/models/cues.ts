// `@coachcode/core/models/cues`: the previous default model, `cfbt-cues@3` (cue, context and
// closed-list word features only), kept for comparison and for users who want its behaviour
// (`coachcode --model cfbt-cues`). An entry of its own, so that an application that codes with
// the default model does not carry its weights (5 KB gzipped). Compact format, like the default.
import cues from '../classify/cues-model.json';
import type { CompactModel } from '../classify/compact-model.js';
import { expandModel } from '../classify/compact-model.js';
import type { Model } from '../classify/model.js';

/** The previous default model, `cfbt-cues@3`: cue, context and closed-list word features only. */
export const cuesModel: Model = /* @__PURE__ */ expandModel(cues as CompactModel, 'cfbt-cues');
