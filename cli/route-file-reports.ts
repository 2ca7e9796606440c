// vitest's junit and json reporters write one suite per test file. `imgmeta check` puts several routes in each
// generated test file (vitest pays per file), so those reporters are handed the tests regrouped by route file,
// as if each route had a test file of its own: users find their route files in the reports, not temporary files.
import path from 'node:path'
import type { RunnerTask, RunnerTestCase, RunnerTestFile, RunnerTestSuite } from 'vitest'
import type { Reporter, TestModule } from 'vitest/node'

/** The route file (absolute) a test checks; undefined leaves the test in its own test file. */
export type RouteFileOfTest = (test: RunnerTestCase) => string | undefined

/** The warnings about a test's image, written to its `<system-out>` in JUnit (what CI tools display of a passing test). */
export type WarningsOfTest = (test: RunnerTestCase) => readonly string[]

/**
 * Wraps a vitest reporter so that its `onTestRunEnd` sees one test module per route file (sorted by path), each
 * holding that route's tests in the same suites; everything else reaches the reporter unchanged.
 */
export function reportByRouteFile(reporter: Reporter, routeFileOf: RouteFileOfTest, warningsOf: WarningsOfTest = () => []): Reporter {
  return new Proxy(reporter, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key, target)
      if (typeof value !== 'function') return value
      if (key !== 'onTestRunEnd') return value.bind(target)
      return (modules: readonly TestModule[], ...rest: unknown[]) =>
        (value as (...args: unknown[]) => unknown).call(target, regroupByRouteFile(modules, routeFileOf, warningsOf), ...rest)
    },
  })
}

/** The task tree of a test module: what vitest's own junit and json reporters read (not in its public types). */
function taskOf(module: TestModule): RunnerTestFile | undefined {
  const task = (module as unknown as { task?: RunnerTestFile }).task
  return task && Array.isArray(task.tasks) ? task : undefined
}

/**
 * Test modules regrouped by route file; a test file's own errors (a crash outside any test) stay with it. When
 * vitest's modules do not have the expected shape, they are returned unchanged.
 */
export function regroupByRouteFile(modules: readonly TestModule[], routeFileOf: RouteFileOfTest, warningsOf: WarningsOfTest = () => []): TestModule[] {
  if (!modules.every((module) => taskOf(module))) return [...modules]
  const byRoute = new Map<string, RunnerTestFile>()
  const others: TestModule[] = []
  for (const module of modules) {
    const source = taskOf(module)!
    const routeFiles = new Set(allTests(source).map((test) => routeFileOf(test)))
    if (routeFiles.has(undefined) || source.result?.errors?.length) others.push(module)
    for (const routeFile of routeFiles) {
      if (routeFile === undefined) continue
      const part = copyTree(source, (test) => routeFileOf(test) === routeFile, routeFile, warningsOf)
      const existing = byRoute.get(routeFile)
      if (existing) existing.tasks.push(...part.tasks.map((task) => ({ ...task, file: existing })))
      else byRoute.set(routeFile, part)
    }
  }
  const regrouped = [...byRoute.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, file]) => ({ task: withDuration(file) }) as unknown as TestModule)
  return [...regrouped, ...others]
}

function allTests(suite: RunnerTestSuite): RunnerTestCase[] {
  return suite.tasks.flatMap((task: RunnerTask) => (task.type === 'suite' ? allTests(task) : task.type === 'test' ? [task] : []))
}

/** A copy of the file's task tree holding only the tests `keep` accepts, named by the route file. */
function copyTree(source: RunnerTestFile, keep: (test: RunnerTestCase) => boolean, routeFile: string, warningsOf: WarningsOfTest): RunnerTestFile {
  const file: RunnerTestFile = {
    ...source,
    filepath: routeFile,
    name: path.basename(routeFile),
    tasks: [],
    // The generated file's own errors are reported once, with the generated file.
    result: source.result && { ...source.result, errors: undefined },
  }
  file.file = file
  const parents = new Map<RunnerTestSuite, RunnerTestSuite>([[source, file]])
  const copyChildren = (from: RunnerTestSuite, to: RunnerTestSuite): void => {
    for (const task of from.tasks) {
      const suite = task.suite === undefined ? undefined : (parents.get(task.suite) ?? to)
      if (task.type === 'suite') {
        const copy: RunnerTestSuite = { ...task, file, suite, tasks: [] }
        parents.set(task, copy)
        copyChildren(task, copy)
        if (copy.tasks.length > 0) to.tasks.push(copy)
      } else if (task.type === 'test' && keep(task)) {
        to.tasks.push(withWarningLogs({ ...task, file, suite }, warningsOf(task)))
      }
    }
  }
  copyChildren(source, file)
  return file
}

/**
 * The file's duration as the sum of its tests', and its state from its own tests only: another route of the
 * same generated file failing does not make this one fail.
 */
function withDuration(file: RunnerTestFile): RunnerTestFile {
  const tests = allTests(file)
  const duration = tests.reduce((sum, test) => sum + (test.result?.duration ?? 0), 0)
  const failed = tests.some((test) => test.result?.state === 'fail')
  if (file.result) file.result = { ...file.result, duration, state: failed ? 'fail' : 'pass' }
  return file
}

/** The test with each warning as a line of its stdout, where vitest's JUnit reporter writes `<system-out>`. */
function withWarningLogs(test: RunnerTestCase, warnings: readonly string[]): RunnerTestCase {
  if (warnings.length === 0) return test
  const logs = warnings.map((warning) => ({ content: `warning: ${warning}\n`, type: 'stdout' as const, time: 0, taskId: test.id, size: warning.length + 10 }))
  return { ...test, logs: [...(test.logs ?? []), ...logs] }
}
