// The annotated corpus: realistic route files, each finding a rule must report marked on its line. Every rule
// must find all of them and nothing else (see corpus-score.ts; `npm run lint:corpus` prints the table).
import { describe, expect, test } from 'vitest'
import { runCorpus, scoreRules, type CorpusRun } from './corpus-score.js'

describe('the annotated corpus', () => {
  let run: CorpusRun
  test('has at least 30 route files and both clean and faulty ones', async () => {
    run = await runCorpus()
    expect(run.files).toBeGreaterThanOrEqual(30)
    const faultyFiles = new Set([...run.expected].map((key) => key.slice(0, key.lastIndexOf(':'))))
    expect(faultyFiles.size).toBeGreaterThan(10)
    expect(run.files - faultyFiles.size).toBeGreaterThan(5)
  })

  test('no rule raises a false alarm', () => {
    expect(scoreRules(run).flatMap((s) => s.falseAlarms)).toEqual([])
  })

  test('every expected finding is reported', () => {
    expect(scoreRules(run).flatMap((s) => s.missed)).toEqual([])
  })

  test('every rule of the plugin is exercised by the corpus', () => {
    expect(scoreRules(run).filter((s) => s.truePositives === 0).map((s) => s.rule)).toEqual([])
  })

  test('the lines once reported by mistake stay silent', () => {
    expect(run.expectedNot.size).toBeGreaterThan(0)
    expect([...run.expectedNot].filter((key) => run.found.has(key))).toEqual([])
  })
})
