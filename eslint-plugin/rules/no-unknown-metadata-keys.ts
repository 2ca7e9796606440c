import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils'
import { createRule } from '../utils/create-rule.js'
import { propertyKeyName } from '../utils/expressions.js'
import { imageRouteFile } from '../utils/image-route-file.js'
import { isInLintedFile, routeMetadataItems } from '../utils/route-metadata.js'
import { literalValues } from '../utils/values.js'

/** The keys Next reads from each item (`next-metadata-image-loader` and `next-metadata-route-loader`, 14 to 16). */
const ITEM_KEYS: ReadonlySet<string> = new Set(['id', 'alt', 'size', 'contentType'])

/** Keys of the tag or of the icons metadata that authors write where the item key has another name. */
const MEANT: Readonly<Record<string, string>> = { type: 'contentType', sizes: 'size', width: 'size', height: 'size' }

/** Why a tag attribute cannot be set from an item. */
const SET_BY_NEXT: Readonly<Record<string, string>> = {
  url: 'Next writes the URL itself, from the route and the `id`',
  href: 'Next writes the URL itself, from the route and the `id`',
  rel: 'Next sets `rel` from the file name (`icon`, `apple-icon`)',
  media: 'Next writes no `media` for image routes; use `icons` in the page metadata for that',
}

/** `'32x32'`: what a `sizes` string says, as a size object. */
const SIZES_STRING = /^(\d+)x(\d+)$/

/** Next builds each tag from four keys of the item; anything else is dropped without a word. */
export default createRule({
  name: 'no-unknown-metadata-keys',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow keys in `generateImageMetadata` items that Next does not read (only `id`, `alt`, `size`, `contentType`)',
      recommended: true,
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      meantOther: 'Next does not read `{{key}}` from an image metadata item, so the tag never gets it: the key is `{{meant}}`.',
      setByNext: 'Next does not read `{{key}}` from an image metadata item: {{why}}. Remove it.',
      unknownKey:
        'Next does not read `{{key}}` from an image metadata item (only `id`, `alt`, `size` and `contentType`): it never reaches the tag. Remove it.',
      rename: 'Rename `{{key}}` to `{{meant}}`.',
      remove: 'Remove `{{key}}`.',
    },
  },
  defaultOptions: [],
  create(context) {
    return {
      Program() {
        const file = imageRouteFile(context)
        for (const item of routeMetadataItems(file)) {
          if (!isInLintedFile(item)) continue
          const present = new Set(item.properties.flatMap((p) => (p.type === AST_NODE_TYPES.Property ? [propertyKeyName(p)] : [])))
          for (const property of item.properties) {
            if (property.type !== AST_NODE_TYPES.Property) continue
            const key = propertyKeyName(property)
            if (key === null || ITEM_KEYS.has(key)) continue
            const meant = MEANT[key]
            const remove = { messageId: 'remove' as const, data: { key }, fix: (fixer: TSESLint.RuleFixer) => removeProperty(fixer, context.sourceCode, property) }
            if (meant) {
              const rename = present.has(meant) ? null : renameFix(property, meant, file.values)
              context.report({
                node: property.key,
                messageId: 'meantOther',
                data: { key, meant },
                suggest: rename ? [{ messageId: 'rename', data: { key, meant }, fix: rename }] : [remove],
              })
            } else if (SET_BY_NEXT[key]) {
              context.report({ node: property.key, messageId: 'setByNext', data: { key, why: SET_BY_NEXT[key] }, suggest: [remove] })
            } else {
              context.report({ node: property.key, messageId: 'unknownKey', data: { key }, suggest: [remove] })
            }
          }
        }
      },
    }
  },
})

/**
 * The rewrite of a key to the one Next reads, when the value carries over: `type: 'image/png'` → `contentType`,
 * `sizes: '32x32'` → `size: { width: 32, height: 32 }`. Null when the value would not fit the new key.
 */
function renameFix(
  property: TSESTree.Property,
  meant: string,
  vc: Parameters<typeof literalValues>[1],
): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix) | null {
  if (property.shorthand || property.computed) return null
  if (meant === 'contentType') return (fixer) => fixer.replaceText(property.key, meant)
  if (property.key.type !== AST_NODE_TYPES.Identifier || property.key.name !== 'sizes') return null
  const values = literalValues(property.value, vc)
  const match = values?.length === 1 && typeof values[0] === 'string' ? SIZES_STRING.exec(values[0]) : null
  if (!match) return null
  return (fixer) => fixer.replaceText(property, `size: { width: ${match[1]}, height: ${match[2]} }`)
}

/** Removes a property and the comma after it (or before it, for the last one). */
function removeProperty(fixer: TSESLint.RuleFixer, sourceCode: Readonly<TSESLint.SourceCode>, property: TSESTree.Property): TSESLint.RuleFix {
  const after = sourceCode.getTokenAfter(property)
  if (after?.value === ',') {
    const next = sourceCode.getTokenAfter(after)
    return fixer.removeRange([property.range[0], next && next.value !== '}' ? next.range[0] : after.range[1]])
  }
  const before = sourceCode.getTokenBefore(property)
  if (before?.value === ',') return fixer.removeRange([before.range[0], property.range[1]])
  return fixer.remove(property)
}
