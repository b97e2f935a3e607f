// For tools that type-check with plain TypeScript (typescript-eslint): a .vue import is a component.
// vue-tsc resolves the real .vue files first, so this never hides their types from the typecheck.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}
