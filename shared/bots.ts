import { createIsbotFromList, list } from 'isbot';

/**
 * isbot patterns that only say a user agent is not a mainstream browser (a bare `name/version`,
 * an HTTP library, a headless browser) rather than that it is a crawler. Tagline does not count
 * those as bots: API clients and server-to-server integrations get ads and are billed like any
 * client, while declared crawlers, spiders and previewers are not. Headless browsers
 * (`HeadlessChrome`) stay bots: the IAB/ABC International Spiders and Bots List names them, so
 * they are invalid traffic; tests that drive headless Chromium give it an ordinary user agent.
 */
const NON_BROWSER_PATTERNS = new Set([
  String.raw`^[\w \.\-\(?:\):%]+(?:/v?\d+(?:\.\d+)?(?:\.\d{1,10})*?)?(?:,|$)`,
  String.raw`node\b`,
  '^python',
  '(?<!lib)http',
  'java(?!;)',
  '^wget',
  '^postman',
  'url',
]);

const crawler = createIsbotFromList(list.filter((pattern) => !NON_BROWSER_PATTERNS.has(pattern)));

/** Whether a user agent is a declared crawler, spider or link previewer (invalid traffic). */
export function isBot(userAgent: string | undefined): boolean {
  return userAgent !== undefined && userAgent !== '' && crawler(userAgent);
}
