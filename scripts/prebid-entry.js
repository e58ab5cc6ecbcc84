// The Prebid.js build of the demo page and the browser tests: stock Prebid.js from npm with only
// the modules they use — the Prebid Server adapter (Tagline's /openrtb2/auction and the rival
// bidder) and the TCF consent module. Bundled by scripts/build-prebid.ts.
import pbjs from 'prebid.js';
import 'prebid.js/modules/prebidServerBidAdapter';
import 'prebid.js/modules/consentManagementTcf';

pbjs.processQueue();
