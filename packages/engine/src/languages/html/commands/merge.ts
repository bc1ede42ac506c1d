import type { CommandProcessor } from '../../../commands/processor.js';

/**
 * `<!-- @merge -->` above an inline `<script>` or `<style>`: its content merges into the target
 * element's with the JS or CSS merger (`inline.ts`) instead of replacing the element.
 */
export const merge: CommandProcessor<'element'> = {
  name: 'merge',
  value: 'flag',
  appliesTo: ['element'],
  reads: ['body'],
  writes: ['body'],
  summary: "merges an inline script's or style's content into the target element's, with that language's merger",
};
