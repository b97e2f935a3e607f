// The renderer benchmark's baseline: the smallest Vue app, built and served like the real one.
import { createApp, h } from 'vue';

createApp({ render: () => h('main', [h('h1', { id: 'ready' }, 'Ready')]) }).mount('#app');
