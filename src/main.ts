import { mount } from 'svelte';
import App from './App.svelte';
import { app } from './lib/state/app.svelte';
import { fetchRelative, loadCurated } from './lib/data/load';
import './app.css';

const target = document.getElementById('app');
if (!target) throw new Error('#app missing from index.html');

// The curated data (a data block in the built index.html) is read before the app is mounted: mounted
// first, the page laid out and painted an empty shell, and the data's callback waited for that frame
// (~50 ms later to the first chart). The loading line stays until then.
void loadCurated(fetchRelative)
  .then(
    (parts) => (app.curated = parts),
    (e: unknown) => (app.loadError = e instanceof Error ? e.message : String(e)),
  )
  .then(() => {
    target.replaceChildren(); // the loading line from index.html
    mount(App, { target });
  });
