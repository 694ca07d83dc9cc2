/**
 * Cue phrases: surface forms that signal an interaction function. Each cue is a feature of the
 * model (`cue:<id>`); its weight per code lives in the model, not here, so that training can
 * change how much a cue counts without editing this list. Patterns are matched case-
 * insensitively against the turn text; the match is the evidence span.
 *
 * Cues are grouped by the code they mainly signal, but a cue may carry weight for several
 * codes (a "yeah but" is dissonance and weighs against acceptance).
 */
export interface Cue {
  id: string;
  /** The code this cue mainly signals (documentation and evidence). */
  code: string;
  pattern: RegExp;
}

const A = "['’]"; // apostrophe, straight or curly

function cue(id: string, code: string, source: string): Cue {
  return { id, code, pattern: new RegExp(source.replace(/'/g, A), 'i') };
}

/** Agreement tokens that open a turn. */
export const YES_START = /^\W*(?:yeah|yes|yep|yup|yea|ya|aye|sure|ok(?:ay)?|right|exactly|absolutely|definitely|totally|true|indeed|correct|precisely|agreed|certainly|of course|fair enough|mm-?hmm|uh-?huh)\b/i;
/** A turn made only of agreement or backchannel tokens. */
export const ONLY_TOKENS = /^(?:\W*(?:yeah|yes|yep|yup|yea|sure|ok(?:ay)?|right|exactly|absolutely|definitely|totally|true|indeed|correct|precisely|agreed|certainly|of course|fair enough|mm+-?hmm+|m+|hm+|uh-?huh|uh|um|ah|oh|so|and|alright|all right|cool|great|good|fine|i see|i know|got it|sounds good)\b)+\W*$/i;
/** Backchannel-only turns (continuers), never acceptance on their own. */
export const BACKCHANNEL_ONLY = /^(?:\W*(?:mm+-?hmm+|m+|hm+|uh-?huh|uh|um|ah|oh|i see|okay|ok|alright|all right)\b)+\W*$/i;

export const CUES: readonly Cue[] = [
  // acceptance
  cue('agree-explicit', 'acceptance', "\\b(?:i (?:totally |completely |do |would )?agree|agreed|you'?re (?:absolutely |quite |so )?right|that'?s (?:(?:very |really |a )?(?:fair|true|right|correct)|a (?:fair|good|valid) point)|(?:fair|good|valid) point|fair enough|point taken|i take (?:your|the|that) point|that makes (?:a lot of |total )?sense|makes sense|i can see (?:that|what you mean|your point|where you'?re coming from)|i hadn'?t (?:thought|seen|considered|noticed)|good (?:idea|shout|suggestion)|that'?s a (?:good|great|nice|useful) (?:idea|suggestion|shout)|sounds (?:good|great|like a plan|sensible)|exactly|precisely|absolutely|definitely|true enough|you have a point|i (?:accept|take) that|i think you'?re right|that'?s (?:so )?true)\\b"),
  cue('commit', 'acceptance', "\\b(?:i'?ll (?:try|give (?:that|it) a (?:go|try)|have a go|do that|use|make sure|start|build|put|plan|definitely|look at|aim to|change|add|swap|get|think about doing)|i (?:will|could|can) (?:try|give that a go|do that)|i'?m going to (?:try|use|do|start|give)|let'?s (?:do|try|go with) (?:that|it)|will do|i'?ll take that)\\b"),
  cue('agree-start', 'acceptance', "^\\W*(?:(?:oh|ah|um|uh|well)\\W+)?(?:yeah|yes|yep|yup|yea|sure|right|true|absolutely|definitely|exactly|certainly|indeed|precisely|agreed|of course)\\b"),

  // dissonance
  cue('no-start', 'dissonance', "^\\W*(?:(?:uh|um|well|oh|mm)\\W+)?(?:no+|nope|nah|not really|not at all|not exactly|not quite|not necessarily)\\b(?!\\W+(?:problem|worries|doubt|question|wonder)\\b)"),
  cue('disagree', 'dissonance', "\\b(?:i (?:don'?t|do not|really don'?t) (?:really )?(?:agree|think (?:so|that'?s|it'?s|it was|it would|that would|we|they|you)|buy (?:it|that)|see (?:it|that|how|why))|i disagree|i'?m not (?:sure (?:that|about|if|it|i agree)|convinced|having that)|i doubt|not (?:necessarily|really|exactly|quite|true|fair)|that'?s not (?:(?:really|quite|exactly|entirely) )?(?:true|fair|right|how|what|the (?:case|point|problem|issue))|that isn'?t|it'?s not (?:that|as|the|my|really|fair)|it doesn'?t work|(?:it|that) (?:won'?t|wouldn'?t|doesn'?t|didn'?t) work|i wouldn'?t say|with (?:all due )?respect|easy (?:for you )?to say|(?:but|and) i did|i (?:already|did) (?:do|did|tried|try)|i'?ve (?:already )?tried (?:that|it)|tried that|no way|hang on|wait a (?:sec|minute|moment)|that'?s (?:not|hardly) (?:realistic|possible|going to)|(?:you|they) don'?t (?:understand|get it|know (?:what|how))|i'?m not (?:doing|going to)|why should i|not my fault|that'?s wrong|you'?re wrong|i don'?t (?:see|think) (?:the point|what|why))\\b"),
  cue('yeah-but', 'dissonance', "^\\W*(?:(?:yeah|yes|ok(?:ay)?|right|sure|mm-?hmm|well|i know|i see that|maybe|possibly|perhaps|i suppose|i guess|fine)[\\s,.]+){1,3}(?:but|except|though|although|however)\\b"),
  cue('but-start', 'dissonance', "^\\W*(?:but|except|though|although|however)\\b"),
  cue('complaint', 'dissonance', "\\b(?:exhaust(?:ed|ing)|knackered|shattered|frustrat(?:ed|ing)|fed up|sick of|ridiculous|pointless|waste of (?:time|my time)|no time|don'?t have (?:the )?time|haven'?t got (?:the )?time|workload|unrealistic|impossible|unfair|not fair|can'?t (?:be bothered|cope|keep up)|too much|drowning|overwhelm(?:ed|ing)|nobody (?:listens|cares|told)|never (?:listen|work|works)|another (?:initiative|thing)|tick[- ]?box|box[- ]?ticking|honestly,? (?:i|it)|to be honest,? (?:i|it|that)|what'?s the point)\\b"),
  cue('hedged-doubt', 'dissonance', "\\b(?:i'?m not sure (?:that|about|it|if|how|whether)|i (?:don'?t|do not) know (?:if|whether|about)|maybe not|i'?m sceptical|i'?m skeptical|i'?m wary|i worry (?:that|about)|that worries me|i'?m not so sure|not convinced|in theory|on paper)\\b"),

  // summary
  cue('reformulate', 'summary', "\\b(?:so what (?:you'?re|you are|i'?m) (?:saying|hearing|describing|telling me)|what i'?m hearing|what i heard|if i (?:understand|hear|'?ve got) (?:you|that|this|it) (?:right|correctly)|if i'?ve understood|in other words|to (?:sum|summari[sz]e|recap)|let me (?:just )?(?:recap|summari[sz]e|sum up|check i'?ve got|play (?:that|it) back)|(?:just )?to (?:check|clarify|be clear)|so (?:overall|basically|in summary|in short|to summari[sz]e)|so the (?:plan|main|key|big|upshot|idea|target|focus|gist) (?:is|was|then)|so you'?re (?:saying|suggesting|proposing|telling me|thinking)|you'?re (?:saying|suggesting|proposing) (?:that|we|you)|so (?:you|we) (?:think|feel|want|reckon|found|noticed|mean|said|decided|agreed|'ve|have|'ll|will|'re going to|are going to)|so (?:your|the) (?:main|biggest|key|first|second|two|three)|it sounds (?:like|as if)|sounds like you|you mentioned|you said (?:that|you)|the (?:main|key) (?:points?|things?) (?:are|were|is|was)|we'?ve (?:got|identified|agreed|said)|so far we'?ve|so to (?:pull|bring) (?:that|this|it) together|pulling (?:that|this|it) together|is that (?:right|correct|fair|what you mean|the deal)|did i get that right|have i got that right)\\b"),
  cue('so-start', 'summary', "^\\W*(?:(?:okay|ok|right|alright|yeah|mm-?hmm)\\W+)?so\\b"),

  // challenge
  cue('why-question', 'challenge', "\\bwhy (?:do|did|does|is|are|was|were|would|might|might|not|should|have|has|didn'?t|don'?t|isn'?t|wasn'?t|'?s|on earth)\\b"),
  cue('how-question', 'challenge', "\\bhow (?:do|did|would|could|might|will|can|else|does|are you|is that|come|exactly|far|much|many|often|well|sure)\\b"),
  cue('what-if', 'challenge', "\\b(?:what (?:would|might|could|will) (?:happen|change|it look like|you do|that look like|you have done|success look like|be different)|what if|suppose|supposing|imagine (?:if|that)?|let'?s say|if you (?:were|had|could) (?:to )?|what would it take)\\b"),
  cue('evidence-question', 'challenge', "\\b(?:what (?:evidence|data|proof)|how do you know|how can you (?:be sure|tell|know)|what makes you (?:think|say|so sure)|what tells you|where(?:'?s| is) the evidence|show me where|how would you (?:know|tell|measure)|what did you see|what did you notice|how will you know|what (?:difference|impact) (?:did|does|will|would))\\b"),
  cue('what-question', 'challenge', "\\b(?:what (?:do|did|would|could|might|was|were|is|are|else|about|made|makes|stopped|happened|was going on|did you|would you|could you|specifically)|which (?:bit|part|students|ones|group))\\b"),
  cue('alternative', 'challenge', "\\b(?:have you (?:thought about|considered|tried|looked at)|did you (?:think about|consider|try)|what about|how about|instead|another way|other ways?|alternatively|rather than|you could (?:have|try|perhaps|maybe|also)|could you (?:have|try|not)|would it (?:help|be better|be worth)|i wonder (?:if|whether|what|why|how)|i'?d (?:challenge|push|question)|let me (?:push|challenge)|devil'?s advocate|is (?:that|it|there) (?:really|actually|necessarily|always)|are you sure|do you really|really\\?|is there (?:another|a different|a better|any other)|what else|a different approach|could it be (?:that)?|or is it|isn'?t it (?:more|just|possible))\\b"),
  cue('critical-feedback', 'challenge', "\\b(?:the (?:problem|issue|difficulty|trouble|weakness) (?:was|is|there|with)|didn'?t (?:seem to |really )?(?:work|engage|land|understand|get it|respond|follow)|weren'?t (?:engaged|listening|clear|sure|challenged|on task)|only (?:a (?:few|handful|couple)|two|three|four|one|half|some|about)|(?:nobody|no one|hardly anyone) (?:answered|put|was|had|did|said|responded)|too (?:long|much|fast|quick|easy|hard|difficult|slow|many)|could have been|might have been better|missed (?:the|an|a) (?:chance|opportunity)|lost (?:them|the class|some of them)|i (?:noticed|saw|counted) (?:that )?(?:only|no one|nobody|a lot|most|some|several|three|two|four|five)|not (?:everyone|all of them|many))\\b"),
  cue('stretch', 'challenge', "\\b(?:next step|push (?:yourself|them|that)|stretch|take (?:it|that) further|raise the bar|more ambitious|aim (?:higher|for)|by when|what will you do (?:differently|next)|how could you (?:push|take|build|extend|improve|make)|what would you do differently|what would make (?:it|that) better|how might you)\\b"),
  cue('because', 'challenge', "\\b(?:because|cos|'cause|cuz|the reason (?:is|was|being)|that'?s why|which is why|so that|since (?:they|we|i|it|the)|i think (?:it'?s|it was) because|partly because|for example|for instance|the evidence (?:is|was))\\b"),

  // continuity
  cue('back-reference', 'continuity', "\\b(?:going back to|go back to|back to (?:what|your|the|when|our|that)|coming back to|come back to|(?:returning|return) to|picking up (?:on|from)|pick up on|(?:as|like) (?:you|we) (?:said|mentioned|discussed|agreed|talked about) (?:earlier|before|at the (?:start|beginning))|(?:you|we) (?:said|mentioned|talked about|discussed) (?:earlier|before|at the (?:start|beginning))|earlier (?:you|on|we|in|today)|at the (?:start|beginning) (?:you|we|of (?:the|our|this) (?:conversation|session|meeting|lesson))|remember (?:when|what|that|how)|(?:which|that) (?:links?|ties?|connects?|relates?) (?:back |in )?(?:to|with)|(?:links?|ties?|connects?) (?:back )?(?:to|with|in with) (?:your|the|what|our)|ties in)\\b"),
  cue('earlier-session', 'continuity', "\\b(?:last (?:time|session|week|meeting|cycle|term|lesson|observation|conversation|year)|(?:the|our|my) (?:previous|last|first) (?:session|cycle|meeting|conversation|observation|coaching)|since (?:we last|our last|last time)|(?:we|you) (?:agreed|decided|set|said you would|said you'?d)|our (?:agreed|action)|(?:your|the|our|my) (?:target|targets|action points?|actions|goal|goals|focus|success criteria) (?:from|for|was|were|is|we|you)|(?:your|my|our) (?:action|development) (?:point|plan|target)|the (?:action|target) (?:we|you) (?:set|agreed)|followed? (?:up|through) on|follow-up|in the (?:video|clip|recording|footage)|on the (?:video|clip|recording|tape)|(?:at|about) (?:minute|\\d+ minutes? in|\\d+:\\d+)|when we (?:watch(?:ed)?|look(?:ed)? at) (?:the )?(?:video|clip))\\b"),
];
