import type { Ad } from '../contract';

/** HTML creatives get no scripts, no same-origin access, no top navigation: popups only (as the tag). */
export const CREATIVE_SANDBOX = 'allow-popups allow-popups-to-escape-sandbox';

/*
 * The beacon script of the markup. It fires the impression pixel `I` when the markup runs (the
 * render), then applies the tag's MRC rule: once at least half of the ad's pixels have been in
 * view for one continuous second while the tab is visible, it fetches the viewable beacon `V`
 * once: track's `/v` with the same token (ARCHITECTURE §3), so the markup carries it once less. Leaving the view or hiding the tab restarts the second; without IntersectionObserver
 * nothing is ever claimed viewable.
 */
const BEACON_SCRIPT =
  "var V=I.replace('/i?t=','/v?t=');new Image().src=I;(function(){var e=document.getElementById('tagline-ad'),t=0,n=0,d=0,o;" +
  "if(!e||typeof IntersectionObserver!='function')return;" +
  "function u(){var c=n&&document.visibilityState=='visible';" +
  'if(c&&!t&&!d)t=setTimeout(function(){d=1;o.disconnect();new Image().src=V},1000);' +
  'if(!c&&t){clearTimeout(t);t=0}}' +
  'o=new IntersectionObserver(function(s){var x=s[s.length-1];n=x.isIntersecting&&x.intersectionRatio>=.5;u()},{threshold:[0,.5]});' +
  "o.observe(e);document.addEventListener('visibilitychange',u)})()";

/**
 * The `adm` of a bid: a complete document Prebid writes into its ad iframe. It shows the creative
 * (an image inside a link, or the HTML creative in a sandboxed `srcdoc` iframe under a
 * transparent link), every click going through the signed click redirect, and runs the beacon
 * script: the impression pixel on render (the same signed beacon as the bid's `burl`, so a
 * render is counted once) and the viewable beacon under the MRC rule. Attributes are
 * single-quoted so the markup needs no escaping inside the JSON answer.
 */
export function renderMarkup(ad: Ad): string {
  const size = `width='${ad.width}' height='${ad.height}'`;
  const link = `href='${attr(ad.clickUrl)}' target='_blank' rel='noopener sponsored'`;
  const creative =
    ad.imageUrl !== undefined
      ? `<a ${link}><img src='${attr(ad.imageUrl)}' ${size} alt='Advertisement' style='display:block;border:0'></a>`
      : `<iframe sandbox='${CREATIVE_SANDBOX}' srcdoc='${attr(creativeDocument(ad.html ?? ''))}' ${size} title='Advertisement' scrolling='no' referrerpolicy='no-referrer' style='display:block;border:0'></iframe>` +
        `<a ${link} aria-label='Advertisement' style='position:absolute;inset:0'></a>`;
  return (
    "<!doctype html><html><head><meta charset='utf-8'><style>html,body{margin:0;padding:0;overflow:hidden;background:transparent}</style></head><body>" +
    `<div id='tagline-ad' style='position:relative;width:${ad.width}px;height:${ad.height}px;overflow:hidden'>${creative}</div>` +
    `<script>var I=${scriptString(ad.impressionUrl)};${BEACON_SCRIPT}</script>` +
    '</body></html>'
  );
}

/** The HTML creative as its own document: no margins, links opening a new tab. */
function creativeDocument(html: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><base target="_blank"><style>html,body{margin:0;padding:0;overflow:hidden}</style></head><body>${html}</body></html>`;
}

const ATTR_SPECIAL = /[&'"<>]/;
const ATTR_ESCAPES: Record<string, string> = { '&': '&amp;', "'": '&#39;', '"': '&quot;', '<': '&lt;', '>': '&gt;' };

/** Text safe inside a quoted HTML attribute (beacon URLs, whose tokens are URL-encoded, pass as they are). */
function attr(s: string): string {
  return ATTR_SPECIAL.test(s) ? s.replace(/[&'"<>]/g, (c) => ATTR_ESCAPES[c]!) : s;
}

/** A JavaScript string literal safe inside a `<script>` element. */
function scriptString(s: string): string {
  const json = JSON.stringify(s);
  if (!json.includes('<') && !json.includes('\u2028') && !json.includes('\u2029')) return json;
  return json.replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
