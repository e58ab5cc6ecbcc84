import type { Ad } from '../contract';

/** HTML creatives get no scripts, no same-origin access, no top navigation: popups only (as the tag). */
export const CREATIVE_SANDBOX = 'allow-popups allow-popups-to-escape-sandbox';

/*
 * The viewability script of the markup, the tag's MRC rule in a few hundred bytes: once at least
 * half of the ad's pixels have been in view for one continuous second while the tab is visible,
 * fetch the viewable beacon once. Leaving the view or hiding the tab restarts the second. Without
 * IntersectionObserver nothing is ever claimed viewable. `V` is the beacon URL.
 */
const VIEWABILITY_SCRIPT =
  '(function(){var e=document.getElementById("tagline-ad"),t=0,n=0,d=0;' +
  'if(!e||typeof IntersectionObserver!=="function")return;' +
  'function u(){var c=n&&document.visibilityState==="visible";' +
  'if(c&&!t&&!d)t=setTimeout(function(){d=1;o.disconnect();new Image().src=V},1000);' +
  'if(!c&&t){clearTimeout(t);t=0}}' +
  'var o=new IntersectionObserver(function(s){var x=s[s.length-1];n=x.isIntersecting&&x.intersectionRatio>=0.5;u()},{threshold:[0,0.5]});' +
  'o.observe(e);document.addEventListener("visibilitychange",u)})();';

/**
 * The `adm` of a bid: a complete document Prebid writes into its ad iframe. It shows the creative
 * (an image inside a link, or the HTML creative in a sandboxed `srcdoc` iframe under a
 * transparent link), every click going through the signed click redirect; it fires the
 * impression pixel when rendered and the viewable beacon under the MRC rule. The impression
 * pixel and the bid's `burl` are the same signed beacon, so rendering counts once.
 */
export function renderMarkup(ad: Ad): string {
  const size = `width="${ad.width}" height="${ad.height}"`;
  const click = attr(ad.clickUrl);
  const link = `href="${click}" target="_blank" rel="noopener sponsored"`;
  const creative =
    ad.imageUrl !== undefined
      ? `<a ${link}><img src="${attr(ad.imageUrl)}" ${size} alt="Advertisement" style="display:block;border:0"></a>`
      : `<iframe sandbox="${CREATIVE_SANDBOX}" srcdoc="${attr(creativeDocument(ad.html ?? ''))}" ${size} title="Advertisement" scrolling="no" referrerpolicy="no-referrer" style="display:block;border:0"></iframe>` +
        `<a ${link} aria-label="Advertisement" style="position:absolute;inset:0"></a>`;
  return (
    '<!doctype html><html><head><meta charset="utf-8"><style>html,body{margin:0;padding:0;overflow:hidden;background:transparent}</style></head><body>' +
    `<div id="tagline-ad" style="position:relative;width:${ad.width}px;height:${ad.height}px;overflow:hidden">${creative}</div>` +
    `<img src="${attr(ad.impressionUrl)}" width="1" height="1" alt="" style="position:absolute;left:-9999px">` +
    `<script>var V=${scriptString(ad.viewableUrl)};${VIEWABILITY_SCRIPT}</script>` +
    '</body></html>'
  );
}

/** The HTML creative as its own document: no margins, links opening a new tab. */
function creativeDocument(html: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><base target="_blank"><style>html,body{margin:0;padding:0;overflow:hidden}</style></head><body>${html}</body></html>`;
}

/** Text safe inside a double-quoted HTML attribute. */
function attr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A JavaScript string literal safe inside a `<script>` element. */
function scriptString(s: string): string {
  return JSON.stringify(s).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
