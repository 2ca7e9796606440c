// Prints each rule's precision and recall over the annotated corpus, then every false alarm and missed
// finding. Exits non-zero when there is any. Run: npm run lint:corpus
import { formatScores, runCorpus, scoreRules } from './corpus-score.js'

const run = await runCorpus()
const scores = scoreRules(run)
console.log(formatScores(scores, run.files))
const falseAlarms = scores.flatMap((s) => s.falseAlarms)
const missed = scores.flatMap((s) => s.missed)
for (const key of falseAlarms) console.log(`false alarm: ${key}`)
for (const key of missed) console.log(`missed:      ${key}`)
process.exitCode = falseAlarms.length + missed.length > 0 ? 1 : 0
