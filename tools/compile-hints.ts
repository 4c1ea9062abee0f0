/**
 * V8's explicit compile hint (Chrome 136+): a script that starts with this comment has all its functions
 * compiled when the script is (off the main thread while it streams in), instead of each one on the main
 * thread the first time it is called. Other browsers read it as a comment.
 */
export const EAGER_COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/** The code only the editor runs: Monaco and our modules that drive it. */
const EDITOR_CODE = /[\\/](node_modules[\\/]monaco-editor|src[\\/]editor)[\\/]/;

/**
 * The banner for a chunk of the build (`output.postBanner`, after minification, which would drop a
 * comment). Monaco's first `editor.create` calls a few thousand functions for the first time; compiled
 * lazily, they made that call one long task of 100-130 ms on a 2-core machine, the page's longest stall
 * (issue 16). Eager compilation costs background CPU and bytecode for functions the editor never calls,
 * so only the editor's chunks get the hint, not the app's own.
 */
export function compileHintFor(chunk: { readonly moduleIds: readonly string[] }): string {
  return chunk.moduleIds.some((id) => EDITOR_CODE.test(id)) ? EAGER_COMPILE_HINT : '';
}
