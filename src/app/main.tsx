import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadDefaultData } from '../store/load-default-data.ts';
import { App } from './app.tsx';
import './app.css';
import { applyUrlToStore } from './use-url-sync.ts';

applyUrlToStore(window.location.search);
void loadDefaultData();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
