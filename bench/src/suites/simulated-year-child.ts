import { runYears, type YearPlan } from './year-run.js';

// One round of the simulated-year suite in a process of its own (`runInChild`): receives a
// `YearPlan` as its first IPC message, answers what `runYears` measured, and exits. A fresh
// process per round, so that every round's first year is cold — no suite before it and no
// earlier round has run the mock's code in the same process.

process.once('message', (plan: YearPlan) => {
  runYears(plan, (line) => console.error(`  … ${line}`)).then(
    (measured) => process.send?.(measured, () => process.exit(0)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
});
