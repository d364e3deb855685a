// First: the data starts downloading (in workers) before any more JavaScript is evaluated.
import './boot.ts';
// The page's first stylesheet: what index.html's header and every feature rely on. Leaflet's stylesheet comes
// before ours (the map's JavaScript loads later, as its own chunk), so our rules win; the tokens come first, the
// shared classes before the page's frame. Each feature's own stylesheet comes with the feature's chunk, after these.
import 'leaflet/dist/leaflet.css';
import './tokens.css';
import './base.css';
import '../components/shared.css';
import './layout.css';
import './header.css';

// The rest is evaluated in two tasks rather than one: React's DOM renderer (its module alone is half the
// page's JavaScript), then the app, which finds it evaluated. Both are requested at once (and module-preloaded by
// index.html); the renderer is asked for first, and its smaller module graph is ready first.
const renderer = import('react-dom/client');
const app = import('./start.tsx');
Promise.all([renderer, app]).catch((error: unknown) => {
  const root = document.getElementById('root');
  if (root) {
    root.textContent =
      '共生資源地圖無法載入，請重新整理頁面。The map could not load; please reload the page.';
  }
  console.error(error);
});
