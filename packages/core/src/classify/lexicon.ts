/**
 * The closed word list of the lexical features: function words (pronouns, auxiliaries and modals,
 * negations, conjunctions, question words), discourse markers and backchannels, and a few words
 * of talk about talk and time (point, idea, evidence, last, week, target). A fitted model may weigh
 * these words; topic words (lesson content, names) are left out so that what is learnt from one
 * set of conversations carries over to conversations about other things.
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  `
  a about above absolutely actually after again against ago agree all already also alternative
  although am an and another any are aren't as at back be because been before being below between
  bit both but by can can't cannot could couldn't definitely did didn't disagree do does doesn't
  doing don't down during each earlier else erm even evidence exactly example explain fair feel
  few for from further get go going gonna got guess had hadn't has hasn't have haven't having he
  he'd he'll he's hear her here here's hers herself him himself his hmm how how's however i i'd
  i'll i'm i've idea if in instead into is isn't it it's its itself just kind know last let's like
  lot may maybe me mean mentioned might mm mm-hmm more most must mustn't my myself never next no
  nobody none nope nor not nothing now of off oh ok okay on once one only or other ought our ours
  ourselves out over own perhaps point previous probably question rather really remember right
  said same say see session shall shan't she she'd she'll she's should shouldn't since so some
  sorry sort still such suggest suggestion suppose sure target tell term than thanks that that's
  the their theirs them themselves then there there's these they they'd they'll they're they've
  thing things think this those though through time to told too totally tried true try trying two
  uh uh-huh um under until up us very wanna was wasn't way we we'd we'll we're we've week well
  were weren't what what's when when's where where's whether which while who who's whom why why's
  will with won't wonder would wouldn't yeah yep yes you you'd you'll you're you've your yours
  yourself yourselves
`
    .trim()
    .split(/\s+/),
);
