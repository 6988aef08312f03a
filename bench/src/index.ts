#!/usr/bin/env node
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchUsage, parseBenchArgs, type BenchArgs } from './cli/args.js';
import { describeMachine, machineInfo } from './core/machine.js';
import { fullPlan, quickPlan } from './core/plan.js';
import { renderSuite, renderSummary } from './core/render.js';
import type { SuiteResult } from './core/report.js';
import { writeResults } from './core/results-file.js';
import { reasonOf, unavailable } from './core/suite.js';
import { stopAllChildren } from './process/children.js';
import { allSuites } from './suites/index.js';

// The bench entry point (`npm run bench`): runs the selected suites one after another, prints a
// table per suite and a summary, and writes the results as JSON. Progress goes to stderr so that
// stdout holds only the report.
async function main(): Promise<void> {
  const suiteIds = allSuites.map((s) => s.id);
  let args: BenchArgs;
  try {
    args = parseBenchArgs(process.argv.slice(2), suiteIds);
  } catch (error) {
    console.error(`${reasonOf(error)}\n\n${benchUsage(suiteIds)}`);
    process.exitCode = 2;
    return;
  }
  if (args.help) {
    console.log(benchUsage(suiteIds));
    return;
  }
  const plan = args.quick ? quickPlan() : fullPlan();
  const machine = machineInfo();
  console.log(`gdx bench${args.quick ? ' (--quick)' : ''}: ${describeMachine(machine)}`);
  console.log(
    `plan: ${plan.warmupRounds} warm-up + ${plan.rounds} measured rounds of ≤ ${plan.bounds.durationMs} ms per workload, median reported; ratios are subject ÷ baseline throughput, both measured in this run\n`,
  );

  const results: SuiteResult[] = [];
  for (const suite of allSuites) {
    if (args.only.length > 0 && !args.only.includes(suite.id)) continue;
    let result: SuiteResult;
    try {
      result = await suite.run({ quick: args.quick, plan, log: (line) => console.error(`  … ${line}`) });
    } catch (error) {
      result = unavailable(suite, `failed: ${reasonOf(error)}`);
    }
    results.push(result);
    console.log(`${renderSuite(result)}\n`);
  }
  console.log(renderSummary(results));

  // Relative to bench/ (the default `results/latest.json`); an absolute path is kept as it is.
  const jsonPath = resolve(fileURLToPath(new URL('..', import.meta.url)), args.json);
  await writeResults(jsonPath, { finishedAt: new Date().toISOString(), quick: args.quick, machine, plan, suites: results });
  console.log(`\nresults written to ${jsonPath}`);
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(stopAllChildren);
