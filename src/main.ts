import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';

const target = document.getElementById('app');
if (!target) throw new Error('#app missing from index.html');
target.replaceChildren(); // the loading line from index.html
export default mount(App, { target });
