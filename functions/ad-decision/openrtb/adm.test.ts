import test from 'ava';
import { CREATIVE_SANDBOX, renderMarkup } from './adm';

const ad = {
  slot: 's',
  campaign: 'c',
  creative: 'cr',
  format: 'banner',
  width: 300,
  height: 250,
  impressionUrl: 'https://track.example/i?t=k1.abc',
  viewableUrl: 'https://track.example/v?t=k1.abc',
  clickUrl: 'https://track.example/c?t=k1.abc',
};

test('an HTML creative stays in a sandboxed srcdoc frame under the signed click link; nothing it holds escapes its attribute', (t) => {
  const html = `<script>alert(1)</script><a href='https://evil.example/'>"go"</a></script>`;
  const adm = renderMarkup({ ...ad, html });
  t.true(adm.includes(`sandbox='${CREATIVE_SANDBOX}'`));
  t.false(CREATIVE_SANDBOX.includes('allow-scripts'));
  t.false(adm.includes('<script>alert'), 'the creative is text inside srcdoc, not markup of the ad document');
  t.true(adm.includes('&lt;script&gt;alert(1)&lt;/script&gt;&lt;a href=&#39;https://evil.example/&#39;&gt;&quot;go&quot;'));
  t.true(adm.includes(`<a href='https://track.example/c?t=k1.abc' target='_blank' rel='noopener sponsored' aria-label='Advertisement' style='position:absolute;inset:0'></a>`));
  t.is(adm.split('<script>').length, 2, 'one script: the beacon script');
});

test('an image creative links to the click redirect; a URL cannot close its attribute or the beacon script', (t) => {
  const adm = renderMarkup({ ...ad, imageUrl: "https://cdn.example/a.png?x='><script>", impressionUrl: 'https://track.example/i?t=</script><b>' });
  t.true(adm.includes(`<a href='https://track.example/c?t=k1.abc' target='_blank' rel='noopener sponsored'><img src='https://cdn.example/a.png?x=&#39;&gt;&lt;script&gt;'`));
  t.true(adm.includes('var I="https://track.example/i?t=\\u003c/script>\\u003cb>"'));
  t.is(adm.split('</script>').length, 2);
});
