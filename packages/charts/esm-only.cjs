// `require('@coachcode/charts')` lands here (package.json "exports", condition "require").
throw new Error(
  "@coachcode/charts is an ES module only: Vega, which draws its charts, uses top-level await, so it cannot be loaded with require(). " +
    "Use `import { profileChart } from '@coachcode/charts'`, or from CommonJS `const charts = await import('@coachcode/charts')`.",
);
