/// <reference lib="dom" />
// The root tsconfig (tests) type-checks without the Vue plugin; vue-tsc checks the components themselves.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}
