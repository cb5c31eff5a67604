// Browser entry point, bundled by esbuild into dist/console-web/app.js (with app.css).

import './console.css';
import { render } from 'preact';
import { loadMeta } from './api';
import { App } from './app';
import { html } from './html';

const root = document.getElementById('app')!;
loadMeta().then(
  (meta) => render(html`<${App} meta=${meta} />`, root),
  (error: unknown) => {
    root.textContent = `The console could not load its tables: ${String(error)}`;
  },
);
