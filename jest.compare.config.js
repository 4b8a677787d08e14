/**
 * Long comparisons kept out of `npm test` for their length (a year of the demo company replayed week by week), run
 * on demand: `npm run compare:retention`. Same transform and database set-up as the e2e project.
 */
const base = require('./jest.config');
const e2e = base.projects.find((p) => p.displayName === 'e2e');
module.exports = {
  testTimeout: 1_800_000,
  projects: [{ ...e2e, displayName: 'compare', testMatch: ['<rootDir>/test/**/*.compare.ts'] }],
};
