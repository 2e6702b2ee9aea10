// Draws media/icon.png (128×128): an SVG rendered by headless Chromium and screenshotted.
// A lens over the three dot-separated parts of a JWT (header · payload · signature).
import path from 'node:path';
import { ROOT, launchBrowser } from './lib/host.mjs';

const svg = `
<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#1e2a4a"/><stop offset="1" stop-color="#0f1528"/>
    </linearGradient>
  </defs>
  <rect x="4" y="4" width="120" height="120" rx="24" fill="url(#bg)"/>
  <rect x="16" y="40" width="26" height="14" rx="4" fill="#fb015b"/>
  <circle cx="47" cy="47" r="2.5" fill="#e6e9f2"/>
  <rect x="52" y="40" width="26" height="14" rx="4" fill="#d63aff"/>
  <circle cx="83" cy="47" r="2.5" fill="#e6e9f2"/>
  <rect x="88" y="40" width="24" height="14" rx="4" fill="#00b9f1"/>
  <circle cx="60" cy="62" r="26" fill="rgba(255,255,255,0.10)" stroke="#e6e9f2" stroke-width="7"/>
  <line x1="79" y1="81" x2="104" y2="106" stroke="#e6e9f2" stroke-width="11" stroke-linecap="round"/>
</svg>`;


const { browser } = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: path.join(ROOT, 'media', 'icon.png'), omitBackground: true });
} finally {
  await browser.close();
}
