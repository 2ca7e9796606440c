import type { TSESLint, TSESTree } from '@typescript-eslint/utils'
import { isFunctionNode, type FunctionNode } from './expressions.js'

type Segment = TSESLint.CodePathSegment

/**
 * Listeners that call `onReachableEnd(fn)` when the end of a function's body can be reached, i.e. some path
 * falls off it and returns `undefined` (the way ESLint's `getter-return` tracks code paths: a thrown error or a
 * `return` on every path leaves no reachable segment at the end). Merge them into a rule's listeners.
 */
export function reachableEndListeners(onReachableEnd: (fn: FunctionNode) => void): TSESLint.RuleListener {
  interface Frame {
    upper: Frame | null
    segments: Set<Segment>
  }
  let frame: Frame | null = null
  const exit = (node: TSESTree.Node): void => {
    // An expression body returns its value: there is no end to fall off.
    if (!frame || !isFunctionNode(node) || node.body?.type !== 'BlockStatement') return
    if ([...frame.segments].some((segment) => segment.reachable)) onReachableEnd(node)
  }
  const listeners = {
    onCodePathStart(): void {
      frame = { upper: frame, segments: new Set() }
    },
    onCodePathEnd(): void {
      frame = frame?.upper ?? null
    },
    onCodePathSegmentStart(segment: Segment): void {
      frame?.segments.add(segment)
    },
    onCodePathSegmentEnd(segment: Segment): void {
      frame?.segments.delete(segment)
    },
    onUnreachableCodePathSegmentStart(segment: Segment): void {
      frame?.segments.add(segment)
    },
    onUnreachableCodePathSegmentEnd(segment: Segment): void {
      frame?.segments.delete(segment)
    },
    'FunctionDeclaration:exit': exit,
    'FunctionExpression:exit': exit,
    'ArrowFunctionExpression:exit': exit,
  }
  // The code path listeners take segments, not nodes, which typescript-eslint's listener type does not model.
  return listeners as unknown as TSESLint.RuleListener
}
