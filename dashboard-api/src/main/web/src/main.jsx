import { render } from 'preact';
import { App } from './App.jsx';
import { applyLanguage } from './i18n.js';
import './styles.css';

applyLanguage();
render(<App />, document.getElementById('app'));
