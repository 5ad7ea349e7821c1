// A web-test-runner reporter that ends the run with the name and first error
// line of every failed test, so the tail of a CI log says which one failed
// (the default reporter prints failures file by file, far above the end).
// With WTR_FAILED_FILES set, it also writes the failed files there as JSON,
// for scripts/test.mjs to run them once more.
import { writeFileSync } from 'node:fs';

const testsOf = (suite, path) => [
  ...suite.tests.map((test) => ({ ...test, path: [...path, test.name] })),
  ...suite.suites.flatMap((child) => testsOf(child, [...path, child.name])),
];

export function failureSummaryReporter() {
  return {
    stop({ sessions }) {
      const lines = [];
      const files = new Set();
      for (const session of sessions) {
        const file = session.testFile.replace(`${process.cwd()}/`, '');
        for (const error of session.errors ?? []) lines.push(`${file}: ${error.message?.split('\n')[0]}`);
        const failed = session.testResults ? testsOf(session.testResults, []).filter((test) => !test.passed && !test.skipped) : [];
        for (const test of failed) lines.push(`${file} > ${test.path.join(' > ')}: ${test.error?.message?.split('\n')[0] ?? 'failed'}`);
        if (!session.passed) files.add(file);
      }
      if (process.env.WTR_FAILED_FILES) writeFileSync(process.env.WTR_FAILED_FILES, JSON.stringify([...files]));
      if (lines.length) console.log(`\nFailed browser tests (${lines.length}):\n${lines.map((line) => `  ✖ ${line}`).join('\n')}`);
    },
  };
}
